using Microsoft.Extensions.Options;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>Fails the start with the full configuration key of every bad receiver setting.</summary>
internal sealed class OtlpReceiverOptionsValidator : IValidateOptions<OtlpReceiverOptions>
{
    private const int MinBuffer = 100;
    private const int MaxBuffer = 1_000_000;

    public ValidateOptionsResult Validate(string? name, OtlpReceiverOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.IsDefaultPort || url.AbsolutePath != "/")
        {
            failures.Add($"{OtlpReceiverOptions.SectionName}:{nameof(options.Url)} must be an http:// URL with a port and no path, e.g. http://127.0.0.1:18889 (got '{options.Url}').");
        }
        if (options.MaxSpansPerService is < MinBuffer or > MaxBuffer)
        {
            failures.Add($"{OtlpReceiverOptions.SectionName}:{nameof(options.MaxSpansPerService)} must be between {MinBuffer} and {MaxBuffer} (got {options.MaxSpansPerService}).");
        }
        if (options.MaxLogsPerService is < MinBuffer or > MaxBuffer)
        {
            failures.Add($"{OtlpReceiverOptions.SectionName}:{nameof(options.MaxLogsPerService)} must be between {MinBuffer} and {MaxBuffer} (got {options.MaxLogsPerService}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using ClosetConnect.TossSimulator.Api;
using ClosetConnect.TossSimulator.Errors;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Configuration;

/// <summary>The rules data annotations cannot say; every message names the key, so a bad setting fails at start.</summary>
internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    private static readonly string[] GetNotFoundCodes = ["NOT_FOUND_PAYMENT", "NOT_FOUND"];

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var problems = new List<string>();
        CheckKeys(problems, nameof(SimulatorOptions.SecretKeys), options.EffectiveSecretKeys);
        CheckKeys(problems, nameof(SimulatorOptions.ClientKeys), options.EffectiveClientKeys);

        if (!string.IsNullOrEmpty(options.WebhookUrl)
            && (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var webhook) || webhook.Scheme is not ("http" or "https")))
        {
            problems.Add($"{Key(nameof(SimulatorOptions.WebhookUrl))} must be an absolute http or https URL, not '{options.WebhookUrl}'.");
        }

        CheckPositive(problems, nameof(SimulatorOptions.WebhookRetryMinute), options.WebhookRetryMinute);
        CheckPositive(problems, nameof(SimulatorOptions.WebhookTimeout), options.WebhookTimeout);
        CheckPositive(problems, nameof(SimulatorOptions.ReadyTimeout), options.ReadyTimeout);
        CheckPositive(problems, nameof(SimulatorOptions.InProgressTimeout), options.InProgressTimeout);
        CheckPositive(problems, nameof(SimulatorOptions.ExpirySweepInterval), options.ExpirySweepInterval);
        if (options.WebhookMaxJitter < TimeSpan.Zero)
        {
            problems.Add($"{Key(nameof(SimulatorOptions.WebhookMaxJitter))} must not be negative.");
        }

        CheckCode(problems, nameof(SimulatorOptions.ConfirmMismatchCode), options.ConfirmMismatchCode);
        CheckCode(problems, nameof(SimulatorOptions.ConfirmNotAuthenticatedCode), options.ConfirmNotAuthenticatedCode);
        CheckCode(problems, nameof(SimulatorOptions.NotCancelableCode), options.NotCancelableCode);
        CheckCode(problems, nameof(SimulatorOptions.UnknownTestCode), options.UnknownTestCode);
        CheckCode(problems, nameof(SimulatorOptions.RateLimitCode), options.RateLimitCode);
        if (!GetNotFoundCodes.Contains(options.GetNotFoundCode, StringComparer.Ordinal))
        {
            problems.Add($"{Key(nameof(SimulatorOptions.GetNotFoundCode))} must be one of {string.Join(", ", GetNotFoundCodes)}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckKeys(List<string> problems, string name, IReadOnlyList<string> keys)
    {
        foreach (var key in keys.Where(k => !ApiKeys.HasKnownPrefix(k)))
        {
            problems.Add($"{Key(name)} holds '{key}': keys start with test_ or live_.");
        }
    }

    private static void CheckPositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{Key(name)} must be longer than zero.");
        }
    }

    private static void CheckCode(List<string> problems, string name, string code)
    {
        if (!TossErrorCatalog.IsKnown(code))
        {
            problems.Add($"{Key(name)} is '{code}', which is not a Toss error code this simulator knows (see Errors/TossErrorCatalog.cs).");
        }
    }

    private static string Key(string name) => $"{SimulatorOptions.SectionName}:{name}";
}

using System.Globalization;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>Where a service's OTLP exporter sends logs, metrics and traces, as the standard <c>OTEL_*</c> variables.</summary>
/// <param name="Protocol">null leaves the SDK's default (gRPC), e.g. for an external collector.</param>
/// <param name="BatchExportDelay">null leaves the SDK's defaults (5 s for spans).</param>
internal sealed record OtlpExportSettings(string Endpoint, string? Protocol, TimeSpan? BatchExportDelay)
{
    public const string HttpProtobuf = "http/protobuf";

    public IEnumerable<KeyValuePair<string, string>> EnvironmentVariables()
    {
        yield return new("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint);
        if (Protocol is not null)
        {
            yield return new("OTEL_EXPORTER_OTLP_PROTOCOL", Protocol);
        }
        if (BatchExportDelay is { } delay)
        {
            // As Aspire does for its dashboard: a local dashboard should show a request about as soon as it ends.
            var milliseconds = ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            yield return new("OTEL_BSP_SCHEDULE_DELAY", milliseconds);
            yield return new("OTEL_BLRP_SCHEDULE_DELAY", milliseconds);
        }
    }
}

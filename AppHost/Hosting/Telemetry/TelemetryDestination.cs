namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>
/// Where the services send their telemetry, decided at start: <c>AppHost:OtlpEndpoint</c> when it names an external
/// collector, else the dashboard's own OTLP receiver, else nowhere. Launches read it when they start a service.
/// </summary>
internal sealed class TelemetryDestination
{
    private static readonly TimeSpan ReceiverBatchDelay = TimeSpan.FromSeconds(1);

    public TelemetryDestination(string? externalEndpoint, OtlpReceiverOptions receiver, bool dashboardRuns)
    {
        if (!string.IsNullOrWhiteSpace(externalEndpoint))
        {
            Export = new OtlpExportSettings(externalEndpoint, Protocol: null, BatchExportDelay: null);
            Note = $"Services export their telemetry to the collector at {externalEndpoint} (AppHost:OtlpEndpoint), so none arrives here.";
        }
        else if (!dashboardRuns || !receiver.Enabled)
        {
            Note = $"The OTLP receiver is off ({OtlpReceiverOptions.SectionName}:{nameof(OtlpReceiverOptions.Enabled)}, or the dashboard is off): services export no telemetry.";
        }
        else
        {
            ReceiverUrl = receiver.Url.TrimEnd('/');
            Export = new OtlpExportSettings(ReceiverUrl, OtlpExportSettings.HttpProtobuf, ReceiverBatchDelay);
            Note = $"Services export logs, metrics and traces to this AppHost at {ReceiverUrl} (OTLP/HTTP with protobuf).";
        }
    }

    /// <summary>What services are given; null: no OTLP variables at all, so they export nothing.</summary>
    public OtlpExportSettings? Export { get; private set; }

    /// <summary>Where the receiver should listen; null when it should not run.</summary>
    public string? ReceiverUrl { get; }

    /// <summary>One line for the dashboard's telemetry pages.</summary>
    public string Note { get; private set; }

    /// <summary>
    /// The receiver could not listen. Services started from now on export nothing rather than to whatever else holds
    /// its port (another AppHost's receiver would mix two runs' telemetry).
    /// </summary>
    public void ReceiverUnavailable(string reason)
    {
        Export = null;
        Note = $"The OTLP receiver could not listen on {ReceiverUrl} ({reason}): services export no telemetry. Set {OtlpReceiverOptions.SectionName}:{nameof(OtlpReceiverOptions.Url)} to another port.";
    }
}

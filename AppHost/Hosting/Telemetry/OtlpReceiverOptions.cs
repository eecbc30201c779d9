namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>
/// The dashboard's OTLP/HTTP receiver, section <c>AppHost:OtlpReceiver</c> (e.g. <c>--AppHost:OtlpReceiver:Url=http://127.0.0.1:4318</c>).
/// It runs with the dashboard, unless <c>AppHost:OtlpEndpoint</c> sends the services' telemetry to an external collector.
/// </summary>
public sealed class OtlpReceiverOptions
{
    public const string SectionName = "AppHost:OtlpReceiver";

    /// <summary>Off by default in test mode (a test turns it on with <c>--AppHost:OtlpReceiver:Enabled=true</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where it listens and what services are given as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; a free port in test mode.</summary>
    public string Url { get; set; } = "http://127.0.0.1:18889";

    /// <summary>Each service keeps its newest spans up to this count; older ones make room.</summary>
    public int MaxSpansPerService { get; set; } = 10_000;

    /// <summary>Each service keeps its newest log records up to this count.</summary>
    public int MaxLogsPerService { get; set; } = 10_000;
}

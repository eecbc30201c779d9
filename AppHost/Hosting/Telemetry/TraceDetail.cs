namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>A whole trace: its spans in tree order (each parent before its children, siblings by start time).</summary>
internal sealed record TraceDetail(
    string TraceId,
    DateTimeOffset Start,
    double DurationMs,
    IReadOnlyList<string> Services,
    IReadOnlyList<TraceSpanNode> Spans);

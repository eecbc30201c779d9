namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>A span as the dashboard keeps it: ids in lowercase hex, times as UTC, attributes as text.</summary>
/// <param name="ParentSpanId">null for a root span.</param>
/// <param name="Kind">Internal, Server, Client, Producer, Consumer or Unspecified.</param>
/// <param name="Scope">The instrumentation scope (ActivitySource) that made it.</param>
internal sealed record StoredSpan(
    string ServiceName,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Scope,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    SpanStatus Status,
    string? StatusMessage,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<SpanEvent> Events)
{
    public double DurationMs => (EndTime - StartTime).TotalMilliseconds;
}

using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>A structured log record as the dashboard keeps it.</summary>
/// <param name="Category">The logger's category (OTLP instrumentation scope), e.g. <c>ClosetConnect.Closet.Apis.ItemsApi</c>.</param>
/// <param name="TraceId">The trace it was written in, lowercase hex; null outside any trace.</param>
internal sealed record StoredLogRecord(
    string ServiceName,
    DateTimeOffset Time,
    LogLevel Level,
    string Category,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<TelemetryAttribute> Attributes);

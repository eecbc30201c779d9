namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>Something that happened during a span, e.g. an exception.</summary>
internal sealed record SpanEvent(string Name, DateTimeOffset Time, IReadOnlyList<TelemetryAttribute> Attributes);

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>One attribute of a span, span event or log record, its value rendered as text.</summary>
internal sealed record TelemetryAttribute(string Key, string Value);

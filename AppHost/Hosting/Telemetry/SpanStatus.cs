namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>OTLP's span status code.</summary>
internal enum SpanStatus
{
    Unset,
    Ok,
    Error,
}

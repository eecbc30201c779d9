namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>One line of the trace list.</summary>
/// <param name="Services">Every service with a span in the trace, in the order they joined it.</param>
/// <param name="HasError">Some span ended with status Error.</param>
internal sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    IReadOnlyList<string> Services,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    bool HasError);

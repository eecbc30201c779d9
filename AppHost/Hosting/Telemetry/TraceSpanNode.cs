namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>A span placed in its trace's tree: how deep, and how long after the trace began.</summary>
internal sealed record TraceSpanNode(int Depth, double OffsetMs, StoredSpan Span);

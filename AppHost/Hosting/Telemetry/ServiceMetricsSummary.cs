namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>What the receiver keeps of metrics: which instruments a service reports, not their values.</summary>
internal sealed record ServiceMetricsSummary(string ServiceName, int Exports, DateTimeOffset LastReceived, IReadOnlyList<string> MetricNames);

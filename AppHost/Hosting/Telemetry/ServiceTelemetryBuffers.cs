namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>One service's share of the <see cref="TelemetryStore"/>: its own bounded buffers, so a chatty service cannot
/// push a quiet one's spans out of a trace.</summary>
internal sealed class ServiceTelemetryBuffers(int maxSpans, int maxLogs)
{
    private const int MaxMetricNames = 1_000;

    public RingBuffer<StoredSpan> Spans { get; } = new(maxSpans);

    public RingBuffer<StoredLogRecord> Logs { get; } = new(maxLogs);

    public SortedSet<string> MetricNames { get; } = new(StringComparer.Ordinal);

    public int MetricExports { get; private set; }

    public DateTimeOffset? LastMetricsExport { get; private set; }

    public void RecordMetricsExport(IEnumerable<string> names, DateTimeOffset at)
    {
        MetricExports++;
        LastMetricsExport = at;
        foreach (var name in names)
        {
            if (MetricNames.Count >= MaxMetricNames)
            {
                break;
            }
            MetricNames.Add(name);
        }
    }
}

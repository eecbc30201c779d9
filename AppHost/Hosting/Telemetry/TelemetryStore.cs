using Microsoft.Extensions.Options;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>
/// The recent spans, log records and metric names the OTLP receiver took in, grouped by service (resource attribute
/// <c>service.name</c>), each service in bounded ring buffers. Everything lives in memory and goes with the AppHost.
/// </summary>
internal sealed class TelemetryStore(IOptions<OtlpReceiverOptions> options, TimeProvider time)
{
    /// <summary>A sender inventing service names must not grow the store without bound.</summary>
    public const int MaxServices = 100;

    public static readonly string TooManyServicesMessage = $"The AppHost keeps the telemetry of at most {MaxServices} services; the rest was dropped.";

    private readonly Lock gate = new();
    private readonly Dictionary<string, ServiceTelemetryBuffers> services = new(StringComparer.Ordinal);

    /// <returns>How many spans were rejected (their service would exceed <see cref="MaxServices"/>).</returns>
    public int AddSpans(IEnumerable<StoredSpan> spans)
    {
        var incoming = spans.ToList();
        var rejected = 0;
        lock (gate)
        {
            foreach (var span in incoming)
            {
                if (BuffersFor(span.ServiceName) is { } buffers)
                {
                    buffers.Spans.Add(span);
                }
                else
                {
                    rejected++;
                }
            }
        }
        return rejected;
    }

    /// <returns>How many log records were rejected.</returns>
    public int AddLogs(IEnumerable<StoredLogRecord> logs)
    {
        var incoming = logs.ToList();
        var rejected = 0;
        lock (gate)
        {
            foreach (var log in incoming)
            {
                if (BuffersFor(log.ServiceName) is { } buffers)
                {
                    buffers.Logs.Add(log);
                }
                else
                {
                    rejected++;
                }
            }
        }
        return rejected;
    }

    /// <returns>False when the service was rejected.</returns>
    public bool RecordMetricsExport(string serviceName, IEnumerable<string> metricNames)
    {
        var names = metricNames.ToList();
        lock (gate)
        {
            var buffers = BuffersFor(serviceName);
            buffers?.RecordMetricsExport(names, time.GetUtcNow());
            return buffers is not null;
        }
    }

    public IReadOnlyList<string> ServiceNames()
    {
        lock (gate)
        {
            return [.. services.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>The newest traces first; with a service, only traces that service took part in.</summary>
    public IReadOnlyList<TraceSummary> GetTraces(string? service, int limit)
    {
        var spans = AllSpans();
        return [.. TraceAssembler.Summarize(spans)
            .Where(t => string.IsNullOrEmpty(service) || t.Services.Contains(service, StringComparer.Ordinal))
            .OrderByDescending(t => t.Start)
            .Take(limit)];
    }

    public TraceDetail? GetTrace(string traceId)
    {
        var id = traceId.ToLowerInvariant();
        List<StoredSpan> spans = [.. AllSpans().Where(s => s.TraceId == id)];
        return spans.Count == 0 ? null : TraceAssembler.Assemble(id, spans);
    }

    public IReadOnlyList<StoredLogRecord> GetLogs(LogQuery query)
    {
        var records = new List<StoredLogRecord>();
        lock (gate)
        {
            foreach (var (name, buffers) in services)
            {
                if (string.IsNullOrEmpty(query.Service) || name == query.Service)
                {
                    buffers.Logs.CopyTo(records);
                }
            }
        }
        var traceId = query.TraceId?.ToLowerInvariant();
        return [.. records
            .Where(r => query.MinimumLevel is not { } minimum || r.Level >= minimum)
            .Where(r => string.IsNullOrEmpty(traceId) || r.TraceId == traceId)
            .Where(r => string.IsNullOrEmpty(query.Text)
                || r.Message.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
                || r.Category.Contains(query.Text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(r => r.Time)
            .Take(query.Limit)];
    }

    public IReadOnlyList<ServiceMetricsSummary> GetMetrics()
    {
        lock (gate)
        {
            return [.. services
                .Where(s => s.Value.LastMetricsExport is not null)
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new ServiceMetricsSummary(s.Key, s.Value.MetricExports, s.Value.LastMetricsExport!.Value, [.. s.Value.MetricNames]))];
        }
    }

    private List<StoredSpan> AllSpans()
    {
        var spans = new List<StoredSpan>();
        lock (gate)
        {
            foreach (var buffers in services.Values)
            {
                buffers.Spans.CopyTo(spans);
            }
        }
        return spans;
    }

    private ServiceTelemetryBuffers? BuffersFor(string serviceName)
    {
        if (services.TryGetValue(serviceName, out var buffers))
        {
            return buffers;
        }
        if (services.Count >= MaxServices)
        {
            return null;
        }
        buffers = new ServiceTelemetryBuffers(options.Value.MaxSpansPerService, options.Value.MaxLogsPerService);
        services.Add(serviceName, buffers);
        return buffers;
    }
}

using ClosetConnect.AppHost.Hosting.Telemetry;
using ClosetConnect.AppHost.Hosting.Telemetry.Otlp;
using Google.Protobuf;

namespace ClosetConnect.UnitTests.AppHost.Telemetry;

/// <summary>OTLP export requests built with the generated types, as an SDK would send them.</summary>
internal static class OtlpRequests
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static string NewTraceId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    public static string NewSpanId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);

    public static Span ExportedSpan(string traceId, string spanId, string? parentSpanId, string name, double startMs, double durationMs,
        Span.Types.SpanKind kind = Span.Types.SpanKind.Internal, bool error = false, params (string Key, string Value)[] attributes)
    {
        var span = new Span
        {
            TraceId = Id(traceId),
            SpanId = Id(spanId),
            ParentSpanId = parentSpanId is null ? ByteString.Empty : Id(parentSpanId),
            Name = name,
            Kind = kind,
            StartTimeUnixNano = Nanoseconds(T0.AddMilliseconds(startMs)),
            EndTimeUnixNano = Nanoseconds(T0.AddMilliseconds(startMs + durationMs)),
            Status = error ? new Status { Code = Status.Types.StatusCode.Error, Message = "it broke" } : null,
        };
        span.Attributes.AddRange(attributes.Select(a => Attribute(a.Key, a.Value)));
        return span;
    }

    public static ExportTraceServiceRequest Traces(string service, params Span[] spans)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "ClosetConnect" } };
        scope.Spans.AddRange(spans);
        var resource = new ResourceSpans { Resource = Resource(service) };
        resource.ScopeSpans.Add(scope);
        return new ExportTraceServiceRequest { ResourceSpans = { resource } };
    }

    public static LogRecord Log(string message, SeverityNumber severity, string? traceId = null, string? spanId = null, double atMs = 0)
    {
        var record = new LogRecord
        {
            TimeUnixNano = Nanoseconds(T0.AddMilliseconds(atMs)),
            SeverityNumber = severity,
            SeverityText = severity.ToString(),
            Body = new AnyValue { StringValue = message },
            TraceId = traceId is null ? ByteString.Empty : Id(traceId),
            SpanId = spanId is null ? ByteString.Empty : Id(spanId),
        };
        record.Attributes.Add(Attribute("{OriginalFormat}", message));
        return record;
    }

    public static ExportLogsServiceRequest Logs(string service, string category, params LogRecord[] records)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = category } };
        scope.LogRecords.AddRange(records);
        var resource = new ResourceLogs { Resource = Resource(service) };
        resource.ScopeLogs.Add(scope);
        return new ExportLogsServiceRequest { ResourceLogs = { resource } };
    }

    public static ExportMetricsServiceRequest Metrics(string service, params string[] names)
    {
        var scope = new ScopeMetrics();
        scope.Metrics.AddRange(names.Select(n => new Metric { Name = n, Unit = "ms" }));
        var resource = new ResourceMetrics { Resource = Resource(service) };
        resource.ScopeMetrics.Add(scope);
        return new ExportMetricsServiceRequest { ResourceMetrics = { resource } };
    }

    public static Resource Resource(string service) => new()
    {
        Attributes = { Attribute("service.name", service), Attribute("service.instance.id", Guid.NewGuid().ToString()) },
    };

    public static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static ByteString Id(string hex) => ByteString.CopyFrom(Convert.FromHexString(hex));

    public static ulong Nanoseconds(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;

    /// <summary>A span as the store keeps it, for tests that skip the wire.</summary>
    public static StoredSpan Stored(string service, string traceId, string spanId, string? parentSpanId, double startMs, double durationMs,
        string? name = null, SpanStatus status = SpanStatus.Unset) =>
        new(service, traceId, spanId, parentSpanId, name ?? $"{service} {spanId}", "Internal", "test",
            T0.AddMilliseconds(startMs), T0.AddMilliseconds(startMs + durationMs), status, null, [], []);
}

using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>Turns OTLP export requests into what the <see cref="TelemetryStore"/> keeps.</summary>
internal static class OtlpConversion
{
    /// <summary>What the SDKs call a resource without <c>service.name</c>.</summary>
    public const string UnknownService = "unknown_service";

    private const string ServiceNameAttribute = "service.name";

    /// <summary>Longer attribute values and messages (stack traces, bodies) are cut here to keep the buffers' memory bounded.</summary>
    private const int MaxTextLength = 8_192;

    /// <summary>Spans without a valid trace or span id are invalid in OTLP and skipped.</summary>
    public static IEnumerable<StoredSpan> ToSpans(Otlp.ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = ServiceName(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                foreach (var span in scopeSpans.Spans)
                {
                    if (HexId(span.TraceId) is not { } traceId || HexId(span.SpanId) is not { } spanId)
                    {
                        continue;
                    }
                    var start = FromUnixNanoseconds(span.StartTimeUnixNano);
                    var end = FromUnixNanoseconds(span.EndTimeUnixNano);
                    yield return new StoredSpan(
                        service,
                        traceId,
                        spanId,
                        HexId(span.ParentSpanId),
                        Cut(span.Name),
                        span.Kind.ToString(),
                        scopeSpans.Scope?.Name ?? string.Empty,
                        start,
                        end < start ? start : end,
                        span.Status?.Code switch
                        {
                            Otlp.Status.Types.StatusCode.Ok => SpanStatus.Ok,
                            Otlp.Status.Types.StatusCode.Error => SpanStatus.Error,
                            _ => SpanStatus.Unset,
                        },
                        string.IsNullOrEmpty(span.Status?.Message) ? null : Cut(span.Status.Message),
                        Attributes(span.Attributes),
                        [.. span.Events.Select(e => new SpanEvent(Cut(e.Name), FromUnixNanoseconds(e.TimeUnixNano), Attributes(e.Attributes)))]);
                }
            }
        }
    }

    public static IEnumerable<StoredLogRecord> ToLogRecords(Otlp.ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = ServiceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                foreach (var record in scopeLogs.LogRecords)
                {
                    var message = Format(record.Body);
                    yield return new StoredLogRecord(
                        service,
                        // The event time when the sender knew it, else when the SDK saw the record.
                        FromUnixNanoseconds(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
                        Level(record.SeverityNumber, record.SeverityText),
                        scopeLogs.Scope?.Name ?? string.Empty,
                        message.Length > 0 ? message : Cut(record.EventName),
                        HexId(record.TraceId),
                        HexId(record.SpanId),
                        Attributes(record.Attributes));
                }
            }
        }
    }

    /// <summary>Per resource, the names of the metrics it reported; the data points are not kept.</summary>
    public static IEnumerable<(string Service, IReadOnlyList<string> MetricNames)> ToMetricNames(Otlp.ExportMetricsServiceRequest request) =>
        request.ResourceMetrics.Select(resource => (
            ServiceName(resource.Resource),
            (IReadOnlyList<string>)[.. resource.ScopeMetrics.SelectMany(scope => scope.Metrics).Select(m => Cut(m.Name)).Distinct(StringComparer.Ordinal)]));

    public static string ServiceName(Otlp.Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == ServiceNameAttribute)?.Value is { ValueCase: Otlp.AnyValue.ValueOneofCase.StringValue } name
            && name.StringValue.Length > 0
            ? Cut(name.StringValue)
            : UnknownService;

    /// <summary>An attribute value or log body as text: arrays as <c>[a, b]</c>, maps as <c>{k: v}</c>, bytes in base64.</summary>
    public static string Format(Otlp.AnyValue? value) => Cut(value?.ValueCase switch
    {
        Otlp.AnyValue.ValueOneofCase.StringValue => value.StringValue,
        Otlp.AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        Otlp.AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        Otlp.AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        Otlp.AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToBase64(),
        Otlp.AnyValue.ValueOneofCase.ArrayValue => $"[{string.Join(", ", value.ArrayValue.Values.Select(Format))}]",
        Otlp.AnyValue.ValueOneofCase.KvlistValue => $"{{{string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Format(kv.Value)}"))}}}",
        _ => string.Empty,
    });

    /// <summary>OTLP severity numbers 1–24 in six bands of four; a sender that sets only the text is read by name.</summary>
    public static LogLevel Level(Otlp.SeverityNumber severity, string severityText) => (int)severity switch
    {
        >= 1 and <= 4 => LogLevel.Trace,
        >= 5 and <= 8 => LogLevel.Debug,
        >= 9 and <= 12 => LogLevel.Information,
        >= 13 and <= 16 => LogLevel.Warning,
        >= 17 and <= 20 => LogLevel.Error,
        >= 21 and <= 24 => LogLevel.Critical,
        _ => severityText.ToUpperInvariant() switch
        {
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "WARN" or "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "FATAL" or "CRITICAL" => LogLevel.Critical,
            _ => LogLevel.Information,
        },
    };

    /// <summary>Lowercase hex, as W3C traceparent writes ids; null for a missing or all-zero (invalid) id.</summary>
    public static string? HexId(ByteString id) =>
        id.IsEmpty || !id.Span.ContainsAnyExcept((byte)0) ? null : Convert.ToHexStringLower(id.Span);

    /// <summary>Any 64-bit nanosecond count fits (the largest is in the year 2554), so no timestamp can fail an export.</summary>
    public static DateTimeOffset FromUnixNanoseconds(ulong nanoseconds) => DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / 100));

    private static IReadOnlyList<TelemetryAttribute> Attributes(RepeatedField<Otlp.KeyValue> attributes) =>
        [.. attributes.Select(a => new TelemetryAttribute(Cut(a.Key), Format(a.Value)))];

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength), "…");
}

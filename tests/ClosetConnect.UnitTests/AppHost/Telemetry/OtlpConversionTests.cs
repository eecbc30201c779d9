using ClosetConnect.AppHost.Hosting.Telemetry;
using ClosetConnect.AppHost.Hosting.Telemetry.Otlp;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using static ClosetConnect.UnitTests.AppHost.Telemetry.OtlpRequests;

namespace ClosetConnect.UnitTests.AppHost.Telemetry;

public sealed class OtlpConversionTests
{
    [Test]
    public void A_span_keeps_its_ids_times_kind_status_attributes_and_events()
    {
        var trace = NewTraceId();
        var span = ExportedSpan(trace, "00f067aa0ba902b7", "53995c3f42cd8ad8", "publish closet.item-image-uploaded", 10, 2.5,
            Span.Types.SpanKind.Producer, error: true, ("messaging.system", "rabbitmq"));
        span.Events.Add(new Span.Types.Event { Name = "exception", TimeUnixNano = Nanoseconds(T0.AddMilliseconds(11)), Attributes = { Attribute("exception.type", "IOException") } });
        // Wire round trip: what the receiver parses is what an SDK serialised.
        var request = ExportTraceServiceRequest.Parser.ParseFrom(Traces("closet-api", span).ToByteArray());

        var stored = OtlpConversion.ToSpans(request).Single();

        Assert.That(stored with { Attributes = [], Events = [] }, Is.EqualTo(new StoredSpan(
            "closet-api", trace, "00f067aa0ba902b7", "53995c3f42cd8ad8", "publish closet.item-image-uploaded", "Producer", "ClosetConnect",
            T0.AddMilliseconds(10), T0.AddMilliseconds(12.5), SpanStatus.Error, "it broke", [], [])));
        Assert.That(stored.DurationMs, Is.EqualTo(2.5));
        Assert.That(stored.Attributes, Is.EqualTo(new[] { new TelemetryAttribute("messaging.system", "rabbitmq") }));
        Assert.That(stored.Events.Single().Name, Is.EqualTo("exception"));
        Assert.That(stored.Events.Single().Time, Is.EqualTo(T0.AddMilliseconds(11)));
        Assert.That(stored.Events.Single().Attributes.Single(), Is.EqualTo(new TelemetryAttribute("exception.type", "IOException")));
    }

    [Test]
    public void Spans_without_valid_ids_are_skipped_and_a_resource_without_a_name_is_unknown_service()
    {
        var trace = NewTraceId();
        var request = Traces("x",
            ExportedSpan(trace, "0000000000000001", null, "kept", 0, 1),
            ExportedSpan("00000000000000000000000000000000", "0000000000000002", null, "zero trace id", 0, 1),
            new Span { TraceId = Id(trace), Name = "no span id" });
        request.ResourceSpans[0].Resource = new Resource();

        var spans = OtlpConversion.ToSpans(request).ToList();

        Assert.That(spans.Select(s => s.Name), Is.EqualTo(new[] { "kept" }));
        Assert.That(spans[0].ServiceName, Is.EqualTo(OtlpConversion.UnknownService));
        Assert.That(spans[0].ParentSpanId, Is.Null);
    }

    [Test]
    public void A_log_record_keeps_its_level_category_message_and_trace()
    {
        var trace = NewTraceId();
        var request = Logs("vision-worker", "ClosetConnect.Vision.Worker.Application.ItemImageUploadedHandler",
            Log("Analysed item 7", SeverityNumber.Info, trace, "00f067aa0ba902b7", atMs: 5));

        var record = OtlpConversion.ToLogRecords(request).Single();

        Assert.That(record with { Attributes = [] }, Is.EqualTo(new StoredLogRecord(
            "vision-worker", T0.AddMilliseconds(5), LogLevel.Information, "ClosetConnect.Vision.Worker.Application.ItemImageUploadedHandler",
            "Analysed item 7", trace, "00f067aa0ba902b7", [])));
        Assert.That(record.Attributes, Does.Contain(new TelemetryAttribute("{OriginalFormat}", "Analysed item 7")));
    }

    [TestCase(SeverityNumber.Trace2, "", LogLevel.Trace)]
    [TestCase(SeverityNumber.Debug, "", LogLevel.Debug)]
    [TestCase(SeverityNumber.Info4, "", LogLevel.Information)]
    [TestCase(SeverityNumber.Warn, "", LogLevel.Warning)]
    [TestCase(SeverityNumber.Error3, "", LogLevel.Error)]
    [TestCase(SeverityNumber.Fatal, "", LogLevel.Critical)]
    [TestCase(SeverityNumber.Unspecified, "warn", LogLevel.Warning)]
    [TestCase(SeverityNumber.Unspecified, "FATAL", LogLevel.Critical)]
    [TestCase(SeverityNumber.Unspecified, "", LogLevel.Information)]
    public void Severity_maps_onto_log_levels(object severity, string text, LogLevel expected) =>
        Assert.That(OtlpConversion.Level((SeverityNumber)severity, text), Is.EqualTo(expected));

    [Test]
    public void Any_values_read_as_text()
    {
        var list = new AnyValue { ArrayValue = new ArrayValue { Values = { new AnyValue { IntValue = 3 }, new AnyValue { BoolValue = true } } } };
        var map = new AnyValue { KvlistValue = new KeyValueList { Values = { new KeyValue { Key = "k", Value = new AnyValue { DoubleValue = 1.5 } } } } };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(OtlpConversion.Format(list), Is.EqualTo("[3, true]"));
            Assert.That(OtlpConversion.Format(map), Is.EqualTo("{k: 1.5}"));
            Assert.That(OtlpConversion.Format(new AnyValue { BytesValue = ByteString.CopyFrom(1, 2, 3) }), Is.EqualTo("AQID"));
            Assert.That(OtlpConversion.Format(null), Is.Empty);
            Assert.That(OtlpConversion.Format(new AnyValue { StringValue = new string('x', 20_000) }), Has.Length.EqualTo(8_193), "cut, with an ellipsis");
        }
    }

    [Test]
    public void A_nonsense_timestamp_does_not_fail_the_export() =>
        Assert.That(OtlpConversion.FromUnixNanoseconds(ulong.MaxValue).Year, Is.EqualTo(2554));

    [Test]
    public void Metrics_keep_only_their_names_per_service()
    {
        var request = ExportMetricsServiceRequest.Parser.ParseFrom(Metrics("gateway", "http.server.request.duration", "http.server.request.duration", "kestrel.active_connections").ToByteArray());

        var (service, names) = OtlpConversion.ToMetricNames(request).Single();

        Assert.That(service, Is.EqualTo("gateway"));
        Assert.That(names, Is.EqualTo(new[] { "http.server.request.duration", "kestrel.active_connections" }));
    }
}

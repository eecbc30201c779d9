using ClosetConnect.AppHost.Hosting.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ClosetConnect.UnitTests.AppHost.Telemetry.OtlpRequests;

namespace ClosetConnect.UnitTests.AppHost.Telemetry;

public sealed class TelemetryStoreTests
{
    private static TelemetryStore NewStore(int maxSpans = 10_000, int maxLogs = 10_000) =>
        new(Options.Create(new OtlpReceiverOptions { MaxSpansPerService = maxSpans, MaxLogsPerService = maxLogs }), TimeProvider.System);

    [Test]
    public void A_trace_across_services_is_one_tree_with_offsets_and_depths()
    {
        var store = NewStore();
        var trace = NewTraceId();
        // gateway → closet-api → (publish) → vision-worker → (publish) → closet-api, exported out of order by service.
        store.AddSpans([
            Stored("vision-worker", trace, "0000000000000004", "0000000000000003", 40, 100, "process closet.item-image-uploaded"),
            Stored("vision-worker", trace, "0000000000000005", "0000000000000004", 130, 5, "publish vision.item-analyzed"),
        ]);
        store.AddSpans([
            Stored("gateway", trace, "0000000000000001", null, 0, 30, "POST /api/v1/closet/items"),
        ]);
        store.AddSpans([
            Stored("closet-api", trace, "0000000000000002", "0000000000000001", 5, 20, "POST /api/v1/closet/items"),
            Stored("closet-api", trace, "0000000000000003", "0000000000000002", 25, 2, "publish closet.item-image-uploaded"),
            Stored("closet-api", trace, "0000000000000006", "0000000000000005", 140, 10, "process vision.item-analyzed"),
        ]);

        var detail = store.GetTrace(trace.ToUpperInvariant());

        Assert.That(detail, Is.Not.Null);
        Assert.That(detail!.Spans.Select(n => (n.Depth, n.Span.SpanId[^1..])), Is.EqualTo(new[] { (0, "1"), (1, "2"), (2, "3"), (3, "4"), (4, "5"), (5, "6") }));
        Assert.That(detail.Spans.Select(n => n.OffsetMs), Is.EqualTo(new[] { 0, 5, 25, 40, 130, 140 }));
        Assert.That(detail.DurationMs, Is.EqualTo(150));
        Assert.That(detail.Services, Is.EqualTo(new[] { "gateway", "closet-api", "vision-worker" }));
        var summary = store.GetTraces(service: "vision-worker", limit: 10).Single();
        Assert.That(summary, Is.EqualTo(new TraceSummary(trace, "POST /api/v1/closet/items", "gateway", summary.Services, T0, 150, 6, HasError: false)));
    }

    [Test]
    public void Siblings_come_in_start_order_and_a_span_whose_parent_is_missing_still_shows()
    {
        var store = NewStore();
        var trace = NewTraceId();
        store.AddSpans([
            Stored("a", trace, "00000000000000a1", null, 0, 100),
            Stored("a", trace, "00000000000000c2", "00000000000000a1", 50, 10),
            Stored("a", trace, "00000000000000c1", "00000000000000a1", 10, 10),
            Stored("b", trace, "00000000000000b1", "00000000000000ff", 20, 5),
        ]);

        var spans = store.GetTrace(trace)!.Spans;

        Assert.That(spans.Select(n => (n.Depth, n.Span.SpanId)), Is.EqualTo(new[]
        {
            (0, "00000000000000a1"), (1, "00000000000000c1"), (1, "00000000000000c2"), (0, "00000000000000b1"),
        }));
    }

    [Test]
    public void A_parent_loop_from_a_broken_sender_neither_hangs_nor_loses_spans()
    {
        var store = NewStore();
        var trace = NewTraceId();
        store.AddSpans([
            Stored("a", trace, "0000000000000001", "0000000000000002", 0, 10),
            Stored("a", trace, "0000000000000002", "0000000000000001", 5, 10),
            Stored("a", trace, "0000000000000002", "0000000000000001", 5, 10),
        ]);

        Assert.That(store.GetTrace(trace)!.Spans.Select(n => n.Span.SpanId), Is.EquivalentTo(new[] { "0000000000000001", "0000000000000002" }));
        Assert.That(store.GetTraces(null, 10).Single().SpanCount, Is.EqualTo(3), "the list counts what arrived");
    }

    [Test]
    public void Each_service_keeps_its_newest_spans_so_a_chatty_one_cannot_push_out_a_quiet_one()
    {
        var store = NewStore(maxSpans: 100);
        var quietTrace = NewTraceId();
        store.AddSpans([Stored("vision-worker", quietTrace, "0000000000000001", null, 0, 1)]);
        var chattyTraces = Enumerable.Range(0, 250).Select(_ => NewTraceId()).ToList();
        store.AddSpans(chattyTraces.Select((t, i) => Stored("gateway", t, "0000000000000001", null, i + 1, 1)));

        var traces = store.GetTraces(null, 1_000);

        Assert.That(traces, Has.Count.EqualTo(101));
        Assert.That(traces.Select(t => t.TraceId), Does.Contain(quietTrace));
        Assert.That(traces.Select(t => t.TraceId), Does.Not.Contain(chattyTraces[149]), "the oldest made room");
        Assert.That(traces.Select(t => t.TraceId), Does.Contain(chattyTraces[150]));
        Assert.That(traces[0].TraceId, Is.EqualTo(chattyTraces[^1]), "newest first");
        Assert.That(store.GetTraces(null, 5), Has.Count.EqualTo(5));
    }

    [Test]
    public void An_error_anywhere_in_the_trace_marks_it()
    {
        var store = NewStore();
        var trace = NewTraceId();
        store.AddSpans([
            Stored("a", trace, "0000000000000001", null, 0, 10),
            Stored("b", trace, "0000000000000002", "0000000000000001", 1, 5, status: SpanStatus.Error),
        ]);

        Assert.That(store.GetTraces(null, 10).Single().HasError, Is.True);
    }

    [Test]
    public void Logs_filter_by_service_minimum_level_text_and_trace_newest_first()
    {
        var store = NewStore();
        var trace = NewTraceId();
        store.AddLogs([
            new StoredLogRecord("closet-api", T0, LogLevel.Information, "Closet.Items", "Item 7 uploaded", trace, "0000000000000001", []),
            new StoredLogRecord("closet-api", T0.AddSeconds(1), LogLevel.Warning, "Closet.Sweeper", "2 items timed out", null, null, []),
            new StoredLogRecord("vision-worker", T0.AddSeconds(2), LogLevel.Information, "Vision.Handler", "Analysed item 7", trace, "0000000000000002", []),
            new StoredLogRecord("vision-worker", T0.AddSeconds(3), LogLevel.Debug, "Vision.Batcher", "batch of 1", null, null, []),
        ]);

        IReadOnlyList<string> Messages(LogQuery query) => [.. store.GetLogs(query).Select(r => r.Message)];

        Assert.That(Messages(new LogQuery(null, null, null, null, 100)), Is.EqualTo(new[] { "batch of 1", "Analysed item 7", "2 items timed out", "Item 7 uploaded" }));
        Assert.That(Messages(new LogQuery("closet-api", null, null, null, 100)), Is.EqualTo(new[] { "2 items timed out", "Item 7 uploaded" }));
        Assert.That(Messages(new LogQuery(null, LogLevel.Information, null, null, 100)), Has.None.EqualTo("batch of 1"));
        Assert.That(Messages(new LogQuery(null, LogLevel.Warning, null, null, 100)), Is.EqualTo(new[] { "2 items timed out" }));
        Assert.That(Messages(new LogQuery(null, null, "ITEM 7", null, 100)), Is.EqualTo(new[] { "Analysed item 7", "Item 7 uploaded" }));
        Assert.That(Messages(new LogQuery(null, null, "sweeper", null, 100)), Is.EqualTo(new[] { "2 items timed out" }), "the category is searched too");
        Assert.That(Messages(new LogQuery(null, null, null, trace.ToUpperInvariant(), 100)), Is.EqualTo(new[] { "Analysed item 7", "Item 7 uploaded" }));
        Assert.That(Messages(new LogQuery(null, null, null, null, 1)), Is.EqualTo(new[] { "batch of 1" }));
    }

    [Test]
    public void Log_buffers_are_bounded_per_service()
    {
        var store = NewStore(maxLogs: 100);
        store.AddLogs(Enumerable.Range(0, 150).Select(i => new StoredLogRecord("a", T0.AddMilliseconds(i), LogLevel.Information, "c", $"m{i}", null, null, [])));

        var logs = store.GetLogs(new LogQuery("a", null, null, null, 1_000));

        Assert.That(logs, Has.Count.EqualTo(100));
        Assert.That(logs[0].Message, Is.EqualTo("m149"));
        Assert.That(logs[^1].Message, Is.EqualTo("m50"));
    }

    [Test]
    public void A_sender_inventing_service_names_is_refused_past_the_limit()
    {
        var store = NewStore();
        var spans = Enumerable.Range(0, TelemetryStore.MaxServices + 5).Select(i => Stored($"svc-{i}", NewTraceId(), "0000000000000001", null, 0, 1));

        Assert.That(store.AddSpans(spans), Is.EqualTo(5));
        Assert.That(store.ServiceNames(), Has.Count.EqualTo(TelemetryStore.MaxServices));
        Assert.That(store.RecordMetricsExport("one-more", ["m"]), Is.False);
    }
}

using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.Dashboard;
using ClosetConnect.AppHost.Hosting.Telemetry;
using Microsoft.Extensions.Logging;
using static ClosetConnect.UnitTests.AppHost.Telemetry.OtlpRequests;

namespace ClosetConnect.UnitTests.AppHost.Telemetry;

/// <summary>Whatever a service put in its telemetry is shown as text, never markup.</summary>
public sealed class TelemetryPagesTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string AttributeBreakout = "\"><img src=x onerror=alert(2)>";

    [Test]
    public void The_trace_list_encodes_names_and_services()
    {
        var trace = NewTraceId();
        var html = TracesPage.Render(
            [new TraceSummary(trace, Script, "gate<way>", ["gate<way>", "closet-api"], T0, 1234.5, 7, HasError: true)],
            ["gate<way>", "closet-api"], AttributeBreakout, "note " + Script);

        AssertNoMarkupFromTelemetry(html);
        Assert.That(html, Does.Contain($"href=\"/traces/{trace}\""));
        Assert.That(html, Does.Contain("1.23 s").And.Contain(">7<").And.Contain("class=\"Error\""));
        Assert.That(html, Does.Contain("gate&lt;way&gt;"));
    }

    [Test]
    public void The_waterfall_indents_children_places_bars_and_encodes_attributes_and_events()
    {
        var trace = NewTraceId();
        var root = Stored("gateway", trace, "0000000000000001", null, 0, 200, name: "POST /api/v1/closet/items");
        var child = Stored("closet-api", trace, "0000000000000002", "0000000000000001", 50, 100, name: Script, status: SpanStatus.Error) with
        {
            Attributes = [new TelemetryAttribute("url.path", AttributeBreakout)],
            Events = [new SpanEvent(Script, T0.AddMilliseconds(60), [new TelemetryAttribute("exception.message", Script)])],
            StatusMessage = Script,
        };
        var detail = new TraceDetail(trace, T0, 200, ["gateway", "closet-api"], [new TraceSpanNode(0, 0, root), new TraceSpanNode(1, 50, child)]);

        var html = TraceDetailPage.Render(detail);

        AssertNoMarkupFromTelemetry(html);
        Assert.That(html, Does.Contain("padding-left:0.6rem").And.Contain("padding-left:1.8rem"));
        Assert.That(html, Does.Contain("margin-left:25%;width:50%"), "starts a quarter in, lasts half the trace");
        Assert.That(html, Does.Contain("+50 ms").And.Contain("100 ms"));
        Assert.That(html, Does.Contain($"/logs?traceId={trace}"));
    }

    [TestCase(0, 0, 100, 0, 0.5)]
    [TestCase(100, 0, 100, 99.5, 0.5)]
    [TestCase(10, 50, 0, 0, 100)]
    [TestCase(50, 80, 100, 50, 50)]
    public void Every_bar_stays_visible_and_inside_the_lane(double offset, double duration, double trace, double left, double width) =>
        Assert.That(TraceDetailPage.Bar(offset, duration, trace), Is.EqualTo((left, width)));

    [Test]
    public void The_log_page_encodes_messages_categories_attributes_and_the_filters_it_echoes()
    {
        var trace = NewTraceId();
        var record = new StoredLogRecord("vision-worker", T0, LogLevel.Warning, Script, Script, trace, "0000000000000001",
            [new TelemetryAttribute("ItemId", AttributeBreakout)]);

        var html = StructuredLogsPage.Render([record], ["vision-worker"], new LogQuery(AttributeBreakout, LogLevel.Warning, AttributeBreakout, AttributeBreakout, 200), "note");

        AssertNoMarkupFromTelemetry(html);
        Assert.That(html, Does.Contain($"href=\"/traces/{trace}\""), "the trace id links to its trace");
        Assert.That(html, Does.Contain("<option value=\"Warning\" selected>"));
        Assert.That(html, Does.Contain("class=\"Warning\""));
    }

    [Test]
    public void The_resource_page_links_each_project_to_its_traces_and_structured_logs()
    {
        var html = DashboardPage.Render(
            [new ResourceSnapshot("closet-api", "Project", ResourceState.Running, null, new Dictionary<string, int>()),
             new ResourceSnapshot("cache", "Redis", ResourceState.Running, null, new Dictionary<string, int>())],
            _ => []);

        Assert.That(html, Does.Contain("href=\"/traces?service=closet-api\"").And.Contain("href=\"/logs?service=closet-api\""));
        Assert.That(html, Does.Not.Contain("service=cache"), "servers export no telemetry");
        Assert.That(html, Does.Contain("<a href=\"/traces\">Traces</a>").And.Contain("<a href=\"/logs\">Structured logs</a>"));
    }

    private static void AssertNoMarkupFromTelemetry(string html)
    {
        Assert.That(html, Does.Not.Contain("<script"), "telemetry text is never markup");
        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Not.Contain("<way>"));
        Assert.That(html, Does.Contain("&lt;script&gt;").Or.Contain("&lt;img"));
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.AppHost.Hosting;
using ClosetConnect.IntegrationTests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClosetConnect.IntegrationTests.Telemetry;

/// <summary>
/// What the services export reaches the AppHost's OTLP receiver and reads back from the dashboard's JSON: one upload is
/// one trace from the gateway through closet-api, RabbitMQ and vision-worker back to closet-api, with its logs.
/// </summary>
[CancelAfter(240_000)]
public sealed class DistributedTracingTests
{
    /// <summary>Services export every second; the whole chain, vision included, takes a few more.</summary>
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The messaging links of an upload's chain, as "service: span name".</summary>
    private static readonly string[] ExpectedLinks =
    [
        "closet-api: publish closet.item-image-uploaded",
        "vision-worker: process closet.item-image-uploaded",
        "vision-worker: publish vision.item-analyzed",
        "closet-api: process vision.item-analyzed",
    ];

    [Test]
    public async Task An_upload_is_one_trace_across_gateway_closet_api_and_vision_worker_and_its_logs_carry_the_trace_id(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var owner = await GatewayClient.SignUpAsync(app, cancellationToken);
        using var dashboard = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IOptions<AppHostOptions>>().Value.DashboardUrl) };
        // The client starts the trace (W3C traceparent), so the test knows its id; the gateway joins it.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/closet/items")
        {
            Content = GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-03.png"), "Traced top"),
        };
        upload.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var created = await owner.Client.SendAsync(upload, cancellationToken);
        await GatewayClient.EnsureAsync(created, HttpStatusCode.Created, cancellationToken);

        // Each service exports on its own schedule, so wait until every service's last link has arrived (a service
        // exports its spans in the order they end), not just the chain's last one.
        var trace = await WaitForAsync(dashboard, $"/api/traces/{traceId}",
            t => Spans(t) is var arrived
                && arrived.Any(s => s.Service == "gateway" && s.Kind == "Server")
                && !ExpectedLinks.Except(arrived.Select(s => $"{s.Service}: {s.Name}")).Any(),
            cancellationToken);
        var spans = Spans(trace);
        Assert.That(spans.Select(s => s.Service).Distinct(), Is.SupersetOf(new[] { "gateway", "closet-api", "vision-worker" }), Describe(spans));
        // One tree: only the gateway's span hangs off something outside the trace (the test's own client span).
        Assert.That(spans.Where(s => s.Depth == 0).Select(s => s.Service), Is.EqualTo(new[] { "gateway" }), Describe(spans));
        var visionProcess = spans.Single(s => s.Name == "process closet.item-image-uploaded");
        var closetPublish = spans.Single(s => s.Name == "publish closet.item-image-uploaded");
        Assert.That(visionProcess.ParentSpanId, Is.EqualTo(closetPublish.SpanId), "the message headers carried the publish span's context");

        var listed = await dashboard.GetFromJsonAsync<JsonElement>("/api/traces?service=vision-worker&limit=1000", cancellationToken);
        Assert.That(listed.EnumerateArray().Select(t => t.GetProperty("traceId").GetString()), Does.Contain(traceId));

        var logs = await WaitForAsync(dashboard, $"/api/logs?traceId={traceId}&limit=1000",
            l => new[] { "closet-api", "vision-worker" }.All(service => l.EnumerateArray().Any(r => r.GetProperty("serviceName").GetString() == service)),
            cancellationToken);
        var records = logs.EnumerateArray().ToList();
        Assert.That(records.Select(r => r.GetProperty("traceId").GetString()), Has.All.EqualTo(traceId));
        Assert.That(records.Select(r => r.GetProperty("spanId").GetString()), Has.All.Not.Null, "written inside a span");
    }

    private sealed record SpanRow(int Depth, string Service, string Name, string Kind, string SpanId, string? ParentSpanId);

    private static List<SpanRow> Spans(JsonElement trace) =>
    [
        .. trace.GetProperty("spans").EnumerateArray().Select(node =>
        {
            var span = node.GetProperty("span");
            return new SpanRow(
                node.GetProperty("depth").GetInt32(),
                span.GetProperty("serviceName").GetString()!,
                span.GetProperty("name").GetString()!,
                span.GetProperty("kind").GetString()!,
                span.GetProperty("spanId").GetString()!,
                span.GetProperty("parentSpanId").GetString());
        }),
    ];

    private static string Describe(IEnumerable<SpanRow> spans) =>
        string.Join('\n', spans.Select(s => $"{new string(' ', s.Depth * 2)}{s.Service}: {s.Name} ({s.Kind})"));

    /// <summary>Polls a dashboard JSON endpoint until <paramref name="done"/> holds; fails with the last answer when it never does.</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient dashboard, string path, Func<JsonElement, bool> done, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var last = "nothing yet";
        while (deadline.Elapsed < ArrivalTimeout)
        {
            using var response = await dashboard.GetAsync(path, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                if (done(body))
                {
                    return body;
                }
                last = body.ToString();
            }
            await Task.Delay(250, cancellationToken);
        }
        Assert.Fail($"{path} did not show the whole chain within {ArrivalTimeout.TotalSeconds} s; last answer: {last}");
        throw new UnreachableException();
    }
}

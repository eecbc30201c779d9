using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Telemetry;

/// <summary>
/// What the services export reaches the Aspire dashboard, read back through its telemetry API: one upload is one trace
/// from the gateway through closet-api, RabbitMQ and vision-worker back to closet-api, with its logs.
/// </summary>
[CancelAfter(240_000)]
public sealed class DistributedTracingTests
{
    /// <summary>Services export every few seconds; the whole chain, vision included, takes a few more.</summary>
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(90);

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
        using var dashboard = await Dashboard.CreateClientAsync(app, cancellationToken);
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
        var spans = await Eventually.GetAsync($"the whole chain of trace {traceId} in the dashboard", async () =>
        {
            var arrived = Spans(await GetAsync(dashboard, $"/api/telemetry/traces/{traceId}", cancellationToken));
            return arrived.Any(s => s.Service == "gateway" && s.Kind == ServerKind)
                && !ExpectedLinks.Except(arrived.Select(s => $"{s.Service}: {s.Name}")).Any()
                ? arrived
                : null;
        }, cancellationToken, ArrivalTimeout);

        Assert.That(spans.Select(s => s.Service).Distinct(), Is.SupersetOf(new[] { "gateway", "closet-api", "vision-worker" }), Describe(spans));
        // One tree: only the gateway's span hangs off something outside the trace (the test's own client span).
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        Assert.That(spans.Where(s => !ids.Contains(s.ParentSpanId ?? string.Empty)).Select(s => s.Service), Is.EqualTo(new[] { "gateway" }), Describe(spans));
        var visionProcess = spans.Single(s => s.Name == "process closet.item-image-uploaded");
        var closetPublish = spans.Single(s => s.Name == "publish closet.item-image-uploaded");
        Assert.That(visionProcess.ParentSpanId, Is.EqualTo(closetPublish.SpanId), "the message headers carried the publish span's context");

        var logs = await Eventually.GetAsync($"logs of closet-api and vision-worker under trace {traceId}", async () =>
        {
            var records = LogRecords(await GetAsync(dashboard, $"/api/telemetry/logs?traceId={traceId}&limit=1000", cancellationToken));
            return new[] { "closet-api", "vision-worker" }.All(service => records.Any(r => r.Service == service)) ? records : null;
        }, cancellationToken, ArrivalTimeout);
        Assert.That(logs.Select(r => r.TraceId), Has.All.EqualTo(traceId));
        Assert.That(logs.Select(r => r.SpanId), Has.All.Not.Empty, "written inside a span");
    }

    private const int ServerKind = 2;

    private sealed record SpanRow(string Service, string Name, int Kind, string SpanId, string? ParentSpanId);

    private sealed record LogRow(string Service, string TraceId, string SpanId);

    private static async Task<JsonElement?> GetAsync(HttpClient dashboard, string path, CancellationToken cancellationToken)
    {
        using var response = await dashboard.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("data")
            : null;
    }

    /// <summary>The OTLP/JSON the dashboard answers with, flattened: every span with its resource's service.name.</summary>
    private static List<SpanRow> Spans(JsonElement? data) =>
        data is not { } otlp || !otlp.TryGetProperty("resourceSpans", out var resources) ? [] :
        [
            .. resources.EnumerateArray().SelectMany(resource => resource.GetProperty("scopeSpans").EnumerateArray()
                .SelectMany(scope => scope.GetProperty("spans").EnumerateArray())
                .Select(span => new SpanRow(
                    ServiceName(resource),
                    span.GetProperty("name").GetString()!,
                    span.GetProperty("kind").GetInt32(),
                    span.GetProperty("spanId").GetString()!,
                    span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null))),
        ];

    private static List<LogRow> LogRecords(JsonElement? data) =>
        data is not { } otlp || !otlp.TryGetProperty("resourceLogs", out var resources) ? [] :
        [
            .. resources.EnumerateArray().SelectMany(resource => resource.GetProperty("scopeLogs").EnumerateArray()
                .SelectMany(scope => scope.GetProperty("logRecords").EnumerateArray())
                .Select(record => new LogRow(
                    ServiceName(resource),
                    record.TryGetProperty("traceId", out var trace) ? trace.GetString() ?? string.Empty : string.Empty,
                    record.TryGetProperty("spanId", out var span) ? span.GetString() ?? string.Empty : string.Empty))),
        ];

    private static string ServiceName(JsonElement resource) =>
        resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
            .Single(a => a.GetProperty("key").GetString() == "service.name")
            .GetProperty("value").GetProperty("stringValue").GetString()!;

    private static string Describe(IEnumerable<SpanRow> spans) =>
        string.Join('\n', spans.Select(s => $"{s.Service}: {s.Name} (kind {s.Kind}, {s.SpanId} <- {s.ParentSpanId})"));
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using ClosetConnect.AppHost.Hosting.Orchestration;
using ClosetConnect.AppHost.Hosting.Telemetry;
using ClosetConnect.AppHost.Hosting.Telemetry.Otlp;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ClosetConnect.UnitTests.AppHost.Telemetry.OtlpRequests;

namespace ClosetConnect.UnitTests.AppHost.Telemetry;

/// <summary>The OTLP/HTTP receiver on a real port: protobuf bodies in, plain or gzip; the store reads them back.</summary>
[CancelAfter(20_000)]
public sealed class OtlpReceiverTests
{
    private TelemetryStore store = null!;
    private TelemetryDestination destination = null!;
    private OtlpReceiverHost receiver = null!;
    private HttpClient client = null!;

    [SetUp]
    public async Task StartReceiverAsync()
    {
        var options = new OtlpReceiverOptions { Url = $"http://127.0.0.1:{PortAllocator.AllocateFreePorts(1)[0]}" };
        store = new TelemetryStore(Options.Create(options), TimeProvider.System);
        destination = new TelemetryDestination(externalEndpoint: null, options, dashboardRuns: true);
        receiver = new OtlpReceiverHost(store, destination, NullLogger<OtlpReceiverHost>.Instance);
        await receiver.StartAsync(CancellationToken.None);
        client = new HttpClient { BaseAddress = new Uri(options.Url) };
    }

    [TearDown]
    public async Task StopReceiverAsync()
    {
        client.Dispose();
        await receiver.StopAsync(CancellationToken.None);
        await receiver.DisposeAsync();
    }

    [Test]
    public async Task Spans_posted_as_protobuf_are_stored_and_answered_with_the_protobuf_response(CancellationToken cancellationToken)
    {
        var trace = NewTraceId();
        var request = Traces("closet-api",
            ExportedSpan(trace, "0000000000000001", null, "POST /api/v1/closet/items", 0, 20, Span.Types.SpanKind.Server),
            ExportedSpan(trace, "0000000000000002", "0000000000000001", "publish closet.item-image-uploaded", 5, 1, Span.Types.SpanKind.Producer));

        using var response = await client.PostAsync("/v1/traces", Protobuf(request.ToByteArray()), cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/x-protobuf"));
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        Assert.That(answer.PartialSuccess, Is.Null, "nothing rejected");
        var stored = store.GetTrace(trace);
        Assert.That(stored!.Spans.Select(n => (n.Depth, n.Span.ServiceName, n.Span.Name, n.Span.Kind)), Is.EqualTo(new[]
        {
            (0, "closet-api", "POST /api/v1/closet/items", "Server"),
            (1, "closet-api", "publish closet.item-image-uploaded", "Producer"),
        }));
    }

    [Test]
    public async Task A_gzip_body_is_accepted(CancellationToken cancellationToken)
    {
        var trace = NewTraceId();
        var request = Logs("vision-worker", "Vision", Log("Analysed item 7", SeverityNumber.Info, trace, "0000000000000001"));
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            request.WriteTo(gzip);
        }
        var content = Protobuf(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/v1/logs", content, cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var log = store.GetLogs(new LogQuery(null, null, null, trace, 10)).Single();
        Assert.That((log.ServiceName, log.Level, log.Message), Is.EqualTo(("vision-worker", LogLevel.Information, "Analysed item 7")));
    }

    [Test]
    public async Task Metrics_are_summarised_by_name(CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync("/v1/metrics", Protobuf(Metrics("gateway", "http.server.request.duration").ToByteArray()), cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var summary = store.GetMetrics().Single();
        Assert.That((summary.ServiceName, summary.Exports, summary.MetricNames.Single()), Is.EqualTo(("gateway", 1, "http.server.request.duration")));
    }

    [Test]
    public async Task What_is_not_OTLP_protobuf_is_refused_with_a_reason(CancellationToken cancellationToken)
    {
        using var json = await client.PostAsync("/v1/traces", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        using var garbage = await client.PostAsync("/v1/traces", Protobuf([0xFF, 0xFF, 0xFF, 0xFF]), cancellationToken);
        var brotli = Protobuf([1, 2, 3]);
        brotli.Headers.ContentEncoding.Add("br");
        using var unsupportedEncoding = await client.PostAsync("/v1/logs", brotli, cancellationToken);
        var notGzip = Protobuf([1, 2, 3, 4, 5]);
        notGzip.Headers.ContentEncoding.Add("gzip");
        using var corruptGzip = await client.PostAsync("/v1/logs", notGzip, cancellationToken);

        var jsonReason = await json.Content.ReadAsStringAsync(cancellationToken);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(jsonReason, Does.Contain("application/x-protobuf"));
            Assert.That(garbage.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unsupportedEncoding.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(corruptGzip.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }
        Assert.That(store.ServiceNames(), Is.Empty);
    }

    [Test]
    public async Task A_gzip_bomb_is_refused(CancellationToken cancellationToken)
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 40; i++)
            {
                gzip.Write(zeros);
            }
        }
        var content = Protobuf(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/v1/traces", content, cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task A_busy_port_leaves_services_without_an_endpoint_rather_than_pointing_them_at_another_process()
    {
        // This test's receiver holds the port; a second one on the same URL cannot listen.
        var options = new OtlpReceiverOptions { Url = client.BaseAddress!.ToString() };
        var second = new TelemetryDestination(null, options, dashboardRuns: true);
        await using var blocked = new OtlpReceiverHost(store, second, NullLogger<OtlpReceiverHost>.Instance);
        Assert.That(second.Export, Is.Not.Null);

        await blocked.StartAsync(CancellationToken.None);

        Assert.That(second.Export, Is.Null);
        Assert.That(second.Note, Does.Contain("could not listen").And.Contain("AppHost:OtlpReceiver:Url"));
    }

    private static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }
}

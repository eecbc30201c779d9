using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.Telemetry;
using ClosetConnect.AppHost.Hosting.Telemetry.Otlp;
using ClosetConnect.AppHost.Hosting.Testing;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ClosetConnect.UnitTests.AppHost.Telemetry.OtlpRequests;

namespace ClosetConnect.UnitTests.AppHost.Telemetry;

/// <summary>The AppHost itself (an empty model, so no servers): OTLP in at the receiver, traces and logs out at the dashboard.</summary>
[CancelAfter(30_000)]
public sealed class DashboardTelemetryTests
{
    [Test]
    public async Task What_services_export_shows_on_the_dashboard_as_JSON_and_HTML(CancellationToken cancellationToken)
    {
        var builder = DistributedApplicationTestingBuilder.Create("--AppHost:OtlpReceiver:Enabled=true");
        await using var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        using var receiver = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IOptions<OtlpReceiverOptions>>().Value.Url) };
        using var dashboard = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IOptions<AppHostOptions>>().Value.DashboardUrl) };
        var trace = NewTraceId();

        await PostAsync(receiver, "/v1/traces", Traces("gateway", ExportedSpan(trace, "0000000000000001", null, "POST /api/v1/closet/items", 0, 40, Span.Types.SpanKind.Server)), cancellationToken);
        await PostAsync(receiver, "/v1/traces", Traces("closet-api", ExportedSpan(trace, "0000000000000002", "0000000000000001", "POST /api/v1/closet/items", 5, 30, Span.Types.SpanKind.Server)), cancellationToken);
        await PostAsync(receiver, "/v1/logs", Logs("closet-api", "Closet.Items", Log("Item <7> uploaded", SeverityNumber.Info, trace, "0000000000000002"), Log("unrelated", SeverityNumber.Debug)), cancellationToken);

        var traces = await dashboard.GetFromJsonAsync<JsonElement>("/api/traces?service=closet-api", cancellationToken);
        var listed = traces.EnumerateArray().Single();
        Assert.That(listed.GetProperty("traceId").GetString(), Is.EqualTo(trace));
        Assert.That(listed.GetProperty("rootService").GetString(), Is.EqualTo("gateway"));
        Assert.That(listed.GetProperty("spanCount").GetInt32(), Is.EqualTo(2));

        var detail = await dashboard.GetFromJsonAsync<JsonElement>($"/api/traces/{trace}", cancellationToken);
        Assert.That(detail.GetProperty("spans").EnumerateArray().Select(s => (s.GetProperty("depth").GetInt32(), s.GetProperty("span").GetProperty("serviceName").GetString())),
            Is.EqualTo(new[] { (0, "gateway"), (1, "closet-api") }));

        var logs = await dashboard.GetFromJsonAsync<JsonElement>($"/api/logs?traceId={trace}&level=information", cancellationToken);
        var log = logs.EnumerateArray().Single();
        Assert.That(log.GetProperty("message").GetString(), Is.EqualTo("Item <7> uploaded"));
        Assert.That(log.GetProperty("level").GetString(), Is.EqualTo("Information"));

        var tracePage = await dashboard.GetStringAsync($"/traces/{trace}", cancellationToken);
        Assert.That(tracePage, Does.Contain("gateway: POST /api/v1/closet/items"));
        var logPage = await dashboard.GetStringAsync("/logs?service=closet-api&q=UPLOADED", cancellationToken);
        Assert.That(logPage, Does.Contain("Item &lt;7&gt; uploaded").And.Not.Contain("unrelated"));

        using var badLevel = await dashboard.GetAsync("/api/logs?level=loud", cancellationToken);
        using var unknownTrace = await dashboard.GetAsync($"/api/traces/{NewTraceId()}", cancellationToken);
        using var unknownTracePage = await dashboard.GetAsync("/traces/nope", cancellationToken);
        Assert.That(badLevel.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknownTrace.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknownTracePage.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task PostAsync(HttpClient receiver, string path, IMessage export, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(export.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var response = await receiver.PostAsync(path, content, cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
    }
}

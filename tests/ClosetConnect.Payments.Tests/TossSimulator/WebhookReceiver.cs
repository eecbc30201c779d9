using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>
/// A real HTTP endpoint on a free loopback port that records every webhook and answers with the next scripted status
/// (200 once the script runs out), so the simulator's delivery and retries can be watched from outside.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> script = new();

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver.app.MapPost("/webhooks/toss", receiver.ReceiveAsync);
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/webhooks/toss");
        return receiver;
    }

    /// <summary>The next webhooks get these statuses, in order.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            script.Enqueue(status);
        }
    }

    public IReadOnlyList<ReceivedWebhook> For(string orderId) =>
        Received.Where(w => w.Body.GetProperty("data").GetProperty("orderId").GetString() == orderId).ToList();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body);
        var status = script.TryDequeue(out var next) ? next : StatusCodes.Status200OK;
        Received.Enqueue(new ReceivedWebhook(
            request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            document.RootElement.Clone(),
            status));
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

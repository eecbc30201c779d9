using System.Globalization;
using System.Net.Http.Headers;
using ClosetConnect.TossSimulator.Configuration;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Webhooks;

/// <summary>
/// Sends queued webhooks outside any API request. Anything but 200 within <c>WebhookTimeout</c> is a failure and is retried
/// on Toss's schedule, scaled by <c>WebhookRetryMinute</c> and measured on the simulator clock (so advancing it brings
/// retries forward). Each attempt runs on its own, so one slow receiver does not hold up the rest.
/// It owns a plain HttpClient rather than one from IHttpClientFactory: the service defaults give those a resilience
/// handler that would retry on its own and hide what Toss's schedule does.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookQueue queue,
    TimeProvider clock,
    IOptionsMonitor<SimulatorOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    // The longest the loop sleeps without looking at the clock, which the control API may have moved.
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(1);

    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new PriorityQueue<WebhookDelivery, DateTimeOffset>();
        while (!stoppingToken.IsCancellationRequested)
        {
            while (queue.Reader.TryRead(out var delivery))
            {
                pending.Enqueue(delivery, delivery.DueAt);
            }
            var now = clock.GetUtcNow();
            while (pending.TryPeek(out var due, out var dueAt) && dueAt <= now)
            {
                pending.Dequeue();
                _ = AttemptAsync(due, stoppingToken);
            }
            var wait = pending.TryPeek(out _, out var nextDue) ? Min(nextDue - now, MaxIdle) : MaxIdle;
            await WaitForWorkAsync(wait, stoppingToken);
        }
    }

    private async Task WaitForWorkAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(wait);
        try
        {
            await queue.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The wait ended: a retry is due, or it is time to look at the clock again.
        }
    }

    private async Task AttemptAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue;
        int? statusCode = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new ReadOnlyMemoryContent(delivery.Body),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add("tosspayments-webhook-transmission-time", clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
            request.Headers.Add("tosspayments-webhook-transmission-id", delivery.TransmissionId);
            request.Headers.Add("tosspayments-webhook-transmission-retried-count", delivery.Attempts.ToString(CultureInfo.InvariantCulture));

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(settings.WebhookTimeout);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // A timeout, a refused connection, a bad address: all count as "no 200", as at Toss.
            logger.LogInformation("Webhook {TransmissionId} to {Url} got no answer: {Reason}", delivery.TransmissionId, delivery.Url, exception.Message);
        }

        if (delivery.RecordAttempt(statusCode, clock.GetUtcNow(), settings.WebhookRetryMinute))
        {
            logger.LogInformation("Webhook {TransmissionId} failed ({StatusCode}); retry {Retry} at {DueAt}", delivery.TransmissionId, statusCode, delivery.Attempts, delivery.DueAt);
            queue.Requeue(delivery);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

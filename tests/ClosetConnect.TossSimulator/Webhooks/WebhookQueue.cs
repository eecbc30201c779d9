using System.Collections.Concurrent;
using System.Threading.Channels;
using ClosetConnect.TossSimulator.Api;
using ClosetConnect.TossSimulator.Clock;
using ClosetConnect.TossSimulator.Configuration;
using ClosetConnect.TossSimulator.Payments;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Webhooks;

/// <summary>
/// Where status changes become webhooks. Publishing only writes to a channel (never blocks, never does I/O), so it can
/// happen under an order's lock, in event order; <see cref="WebhookDispatcher"/> sends them.
/// </summary>
public sealed class WebhookQueue(IOptionsMonitor<SimulatorOptions> options, TimeProvider clock)
{
    private readonly Channel<WebhookDelivery> channel = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, ConcurrentQueue<WebhookDelivery>> byOrder = new(StringComparer.Ordinal);

    public ChannelReader<WebhookDelivery> Reader => channel.Reader;

    /// <summary>Queues PAYMENT_STATUS_CHANGED for <paramref name="payment"/> (plus configured duplicates); nothing when no WebhookUrl is set.</summary>
    public void PublishStatusChanged(PaymentSnapshot payment)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrEmpty(settings.WebhookUrl))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var body = TossJson.Serialize(new PaymentStatusChangedEvent(PaymentStatusChangedEvent.Type, KstTime.FormatLocalMicroseconds(now), payment));
        var url = new Uri(settings.WebhookUrl);
        for (var copy = 0; copy <= settings.WebhookDuplicates; copy++)
        {
            var jitter = settings.WebhookMaxJitter * Random.Shared.NextDouble();
            var delivery = new WebhookDelivery(TransactionKeys.NewTransmissionId(), payment.OrderId, payment.Status, url, body, now + jitter);
            byOrder.GetOrAdd(payment.OrderId, _ => new ConcurrentQueue<WebhookDelivery>()).Enqueue(delivery);
            channel.Writer.TryWrite(delivery);
        }
    }

    /// <summary>Puts a failed delivery back for its retry at <see cref="WebhookDelivery.DueAt"/>.</summary>
    public void Requeue(WebhookDelivery delivery) => channel.Writer.TryWrite(delivery);

    public IReadOnlyList<WebhookReport> ReportsFor(string orderId) =>
        byOrder.TryGetValue(orderId, out var deliveries) ? deliveries.Select(d => d.ToReport()).ToList() : [];
}

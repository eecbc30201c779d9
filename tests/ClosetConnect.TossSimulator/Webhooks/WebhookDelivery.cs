using ClosetConnect.TossSimulator.Payments;

namespace ClosetConnect.TossSimulator.Webhooks;

/// <summary>
/// One webhook and its attempts. The body is fixed when the event happens (the payment as it was then) and every retry
/// sends the same bytes under the same transmission id, with a higher retried-count.
/// </summary>
public sealed class WebhookDelivery(string transmissionId, string orderId, PaymentStatus paymentStatus, Uri url, byte[] body, DateTimeOffset dueAt)
{
    private readonly Lock gate = new();
    private int attempts;
    private int? lastStatusCode;
    private WebhookDeliveryState state = WebhookDeliveryState.Pending;

    public string TransmissionId { get; } = transmissionId;
    public string OrderId { get; } = orderId;
    public PaymentStatus PaymentStatus { get; } = paymentStatus;
    public Uri Url { get; } = url;
    public ReadOnlyMemory<byte> Body { get; } = body;

    public DateTimeOffset DueAt { get { lock (gate) { return dueAt; } } }

    public int Attempts { get { lock (gate) { return attempts; } } }

    /// <summary>Records one attempt (<paramref name="statusCode"/> null: no answer in time). Returns true when a retry is due at <see cref="DueAt"/>.</summary>
    public bool RecordAttempt(int? statusCode, DateTimeOffset now, TimeSpan retryMinute)
    {
        lock (gate)
        {
            attempts++;
            lastStatusCode = statusCode;
            if (statusCode == StatusCodes.Status200OK)
            {
                state = WebhookDeliveryState.Delivered;
                return false;
            }
            var nextRetry = attempts;
            if (nextRetry > RetrySchedule.MaxRetries)
            {
                state = WebhookDeliveryState.Failed;
                return false;
            }
            dueAt = now + RetrySchedule.DelayBefore(nextRetry, retryMinute);
            return true;
        }
    }

    public WebhookReport ToReport()
    {
        lock (gate)
        {
            return new WebhookReport(TransmissionId, PaymentStatusChangedEvent.Type, PaymentStatus, state, attempts, lastStatusCode);
        }
    }
}

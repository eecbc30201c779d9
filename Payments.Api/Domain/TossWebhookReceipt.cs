namespace ClosetConnect.Payments.Domain;

/// <summary>
/// A webhook Toss delivered, kept until it is processed: the endpoint answers 200 at once and the processor re-reads
/// the payment from Toss later, so a slow Toss or a restart loses nothing. The transmission id makes Toss's
/// retries and duplicates one receipt.
/// </summary>
public sealed class TossWebhookReceipt
{
    private TossWebhookReceipt()
    {
    }

    public Guid Id { get; private set; }

    public string TransmissionId { get; private set; } = string.Empty;

    public string PaymentKey { get; private set; } = string.Empty;

    public string OrderId { get; private set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public int Attempts { get; private set; }

    public string? Outcome { get; private set; }

    public static TossWebhookReceipt Receive(string transmissionId, string paymentKey, string orderId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TransmissionId = transmissionId,
        PaymentKey = paymentKey,
        OrderId = orderId,
        ReceivedAt = now,
    };

    public void Processed(string outcome, DateTimeOffset now)
    {
        Attempts++;
        Outcome = outcome.Length > 500 ? outcome[..500] : outcome;
        ProcessedAt = now;
    }

    public void Failed(string error)
    {
        Attempts++;
        Outcome = error.Length > 500 ? error[..500] : error;
    }
}

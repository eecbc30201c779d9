using ClosetConnect.TossSimulator.Payments;

namespace ClosetConnect.TossSimulator.Webhooks;

/// <summary>The PAYMENT_STATUS_CHANGED body: <c>createdAt</c> in KST without an offset, <c>data</c> the full Payment.</summary>
public sealed record PaymentStatusChangedEvent(string EventType, string CreatedAt, PaymentSnapshot Data)
{
    public const string Type = "PAYMENT_STATUS_CHANGED";
}

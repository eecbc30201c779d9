namespace ClosetConnect.TossSimulator.Webhooks;

/// <summary>A webhook as the control API shows it: <c>status</c> is the payment status the event carries, <c>delivery</c> how sending went.</summary>
public sealed record WebhookReport(
    string TransmissionId,
    string EventType,
    Payments.PaymentStatus Status,
    WebhookDeliveryState Delivery,
    int Attempts,
    int? LastStatusCode);

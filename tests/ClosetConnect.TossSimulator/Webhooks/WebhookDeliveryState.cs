namespace ClosetConnect.TossSimulator.Webhooks;

public enum WebhookDeliveryState
{
    /// <summary>Not sent yet, or waiting for a retry.</summary>
    Pending,

    /// <summary>The receiver answered 200.</summary>
    Delivered,

    /// <summary>Every retry failed; Toss would now e-mail the merchant.</summary>
    Failed,
}

namespace ClosetConnect.TossSimulator.Checkout;

/// <summary>What the payment window shows.</summary>
public sealed record WindowPage(string OrderId, string OrderName, long Amount, string PaymentKey);

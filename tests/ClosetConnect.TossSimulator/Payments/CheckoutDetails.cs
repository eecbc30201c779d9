namespace ClosetConnect.TossSimulator.Payments;

/// <summary>What the merchant's page passed to the payment window (requestPayment's arguments).</summary>
public sealed record CheckoutDetails(string OrderId, string OrderName, long Amount, string ClientKey, string? CustomerKey, Uri SuccessUrl, Uri FailUrl);

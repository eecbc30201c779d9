namespace ClosetConnect.TossSimulator.Payments;

/// <summary>Payment.receipt and Payment.checkout: <c>{"url": …}</c>.</summary>
public sealed record UrlSnapshot(string Url);

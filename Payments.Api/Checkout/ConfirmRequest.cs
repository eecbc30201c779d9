namespace ClosetConnect.Payments.Checkout;

/// <summary>The successUrl's query, as the client read it: <c>orderId</c> may be Toss's form (32 hex digits) or ours.</summary>
public sealed record ConfirmRequest(string? PaymentKey, string? OrderId, long? Amount);

public sealed record ConfirmResponse(Guid OrderId, string Status, long Amount, string Currency, DateTimeOffset? ApprovedAt);

using ClosetConnect.TossSimulator.Payments;
using ClosetConnect.TossSimulator.Webhooks;

namespace ClosetConnect.TossSimulator.Control;

/// <summary>
/// <c>GET /simulator/orders/{orderId}</c>: the order's current payment, how many confirms approved it (a correct client
/// keeps this ≤ 1), how many cancel transactions it had, and every webhook sent for it.
/// </summary>
public sealed record OrderReport(
    string OrderId,
    string? PaymentKey,
    PaymentStatus? Status,
    int Approvals,
    int Cancels,
    long? BalanceAmount,
    int Attempts,
    IReadOnlyList<WebhookReport> Webhooks);

namespace ClosetConnect.Closet.Domain;

/// <summary>
/// An order Payments refunded. Payments can refund a paid order (a cancel in Toss's console) before Closet has handled
/// its payment; the paid event that arrives afterwards finds this and leaves the item with its seller.
/// </summary>
public sealed class RefundedOrder(Guid orderId, DateTimeOffset refundedAt)
{
    public Guid OrderId { get; private set; } = orderId;

    public DateTimeOffset RefundedAt { get; private set; } = refundedAt;
}

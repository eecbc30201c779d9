namespace ClosetConnect.Payments.Domain;

public enum OrderStatus
{
    /// <summary>Placed; the listing is reserved for it until <see cref="Order.ExpiresAt"/>.</summary>
    Pending,

    /// <summary>Confirm was sent to Toss and its answer is not known yet (or was lost): the reconciler settles it.</summary>
    Confirming,

    Paid,
    Cancelled,
    Expired,
    Refunded,
}

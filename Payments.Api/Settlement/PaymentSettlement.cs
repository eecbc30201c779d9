using ClosetConnect.EventBus.Outbox;
using ClosetConnect.Payments.Orders;
using ClosetConnect.Payments.Toss;

namespace ClosetConnect.Payments.Settlement;

/// <summary>
/// Turns what Toss says about an order's payment into the order's state, its events and its ledger lines: one place
/// for confirm, the reconciler, the webhook and the saga, so each of them settles an order the same way and at most once.
/// Callers save the context afterwards (the events and ledger lines commit with the order).
/// </summary>
public sealed class PaymentSettlement(PaymentsDbContext db, TossClient toss, IOptions<OrderOptions> options, TimeProvider time, ILogger<PaymentSettlement> logger)
{
    /// <summary>Toss approved the payment: the order is paid and Closet is told to hand the item over.</summary>
    public void MarkPaid(Order order, TossPayment payment, string actor)
    {
        var now = time.GetUtcNow();
        order.MarkPaid(payment.PaymentKey, payment.ApprovedAt ?? now, actor, now);
        db.AddIntegrationEvent(new OrderPaidEvent(order.Id, order.ListingId, order.ItemId, order.BuyerId, order.SellerId, order.Amount, order.Currency) { OccurredAt = now });
        logger.LogInformation("Order {OrderId} paid ({Amount} {Currency})", order.Id, order.Amount, order.Currency);
    }

    /// <summary>The reservation ended unpaid: Closet releases the listing.</summary>
    public void Expire(Order order, string actor)
    {
        var now = time.GetUtcNow();
        order.Expire(actor, now);
        db.AddIntegrationEvent(new OrderExpiredEvent(order.Id, order.ListingId) { OccurredAt = now });
        logger.LogInformation("Order {OrderId} expired", order.Id);
    }

    public void Cancel(Order order)
    {
        var now = time.GetUtcNow();
        order.Cancel(now);
        db.AddIntegrationEvent(new OrderCancelledEvent(order.Id, order.ListingId) { OccurredAt = now });
    }

    /// <summary>Cancels the whole payment at Toss (idempotently), then refunds the order and reverses its sale.</summary>
    public async Task RefundAsync(Order order, string reason, string actor, CancellationToken cancellationToken)
    {
        if (order.Status != OrderStatus.Paid || order.PaymentKey is null)
        {
            throw new OrderStateException($"This order is {Order.Describe(order.Status)}; only a paid order can be refunded.");
        }

        var payment = await toss.CancelAsync(order.PaymentKey, reason, cancellationToken);
        if (!payment.IsCanceled)
        {
            throw new TossUnavailableException($"Toss answered the cancel of order {order.Id} with status {payment.Status}.");
        }

        await RecordRefundAsync(order, reason, actor, cancellationToken);
    }

    /// <summary>Toss already holds the payment as cancelled (e.g. in its merchant console): record it here.</summary>
    public async Task RecordRefundAsync(Order order, string reason, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        order.Refund(reason, actor, now);
        var booked = await db.LedgerEntries.Where(e => e.OrderId == order.Id).ToListAsync(cancellationToken);
        db.LedgerEntries.AddRange(LedgerEntry.ForRefund(order, booked, now));
        db.AddIntegrationEvent(new OrderRefundedEvent(order.Id, order.ListingId, order.ItemId, order.BuyerId, order.SellerId) { OccurredAt = now });
        logger.LogInformation("Order {OrderId} refunded by {Actor}: {Reason}", order.Id, actor, reason);
    }

    /// <summary>Closet handed the item over: the sale and its fee go into the seller's ledger (once).</summary>
    public async Task CompleteSaleAsync(Order order, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        order.MarkItemTransferred(now);
        if (order.Status == OrderStatus.Paid && !await db.LedgerEntries.AnyAsync(e => e.OrderId == order.Id, cancellationToken))
        {
            db.LedgerEntries.AddRange(LedgerEntry.ForSale(order, new PlatformFee(options.Value.PlatformFeePercent), now));
        }
    }

    /// <summary>A confirming order Toss did not approve: the buyer may pay again while the reservation lasts, else it expires.</summary>
    public string SettleUnpaid(Order order, string reason, string actor)
    {
        var now = time.GetUtcNow();
        if (order.IsExpiredAt(now))
        {
            Expire(order, actor);
            return "expired";
        }

        order.ReturnToPending(reason, actor, now);
        return "back to pending";
    }

    /// <summary>
    /// Brings the order in line with Toss's view of its payment (the reconciler and the webhook, which never trust a
    /// body but re-read the payment). Returns what it did, for the log.
    /// </summary>
    public async Task<string> ReconcileAsync(Order order, TossPayment payment, string actor, CancellationToken cancellationToken)
    {
        if (payment.OrderId != order.TossOrderId)
        {
            return $"ignored: payment {payment.PaymentKey} is for another order";
        }

        switch (order.Status)
        {
            case OrderStatus.Pending when payment.IsApproved && order.IsExpiredAt(time.GetUtcNow()):
                // Approved at Toss, but our confirm never started within the reservation: the order ends and the money goes back.
                Expire(order, actor);
                await toss.CancelAsync(payment.PaymentKey, "The order's reservation had ended when this payment was approved.", cancellationToken);
                return "expired; voided a payment approved after the reservation ended";
            case OrderStatus.Pending or OrderStatus.Confirming when payment.IsApproved && payment.TotalAmount == order.Amount:
                MarkPaid(order, payment, actor);
                return "paid";
            case OrderStatus.Cancelled or OrderStatus.Expired when payment.IsApproved:
                // Approved after we had given up on the order (a lost answer, a late confirm): nobody keeps money for nothing.
                await toss.CancelAsync(payment.PaymentKey, "The order had already ended when this payment was approved.", cancellationToken);
                return "voided a payment approved after the order ended";
            case OrderStatus.Paid when payment.IsCanceled && payment.PaymentKey == order.PaymentKey:
                await RecordRefundAsync(order, "Cancelled in Toss Payments", actor, cancellationToken);
                return "refunded";
            case OrderStatus.Confirming when !payment.IsApproved:
                return SettleUnpaid(order, $"Toss holds the payment as {payment.Status}", actor);
            default:
                return "unchanged";
        }
    }
}

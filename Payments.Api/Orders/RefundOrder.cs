using ClosetConnect.Payments.Checkout;
using ClosetConnect.Payments.Settlement;
using ClosetConnect.Payments.Toss;

namespace ClosetConnect.Payments.Orders;

/// <summary>
/// The seller (or an admin) refunds a paid order: Toss cancels the whole payment, the order is refunded, the ledger
/// reverses the sale and Closet returns the item to the seller.
/// </summary>
public sealed class RefundOrder(PaymentsDbContext db, PaymentSettlement settlement)
{
    public async Task<RefundOutcome> HandleAsync(Guid orderId, RefundRequest request, Guid callerId, bool isAdmin, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
        {
            return RefundOutcome.Refused(StatusCodes.Status400BadRequest, "Give the buyer a reason for the refund (1–200 characters).");
        }

        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId && (isAdmin || o.SellerId == callerId), cancellationToken);
        if (order is null)
        {
            return RefundOutcome.Refused(StatusCodes.Status404NotFound, "You sold no order with this id.");
        }

        if (order.Status == OrderStatus.Paid && order.ItemTransferredAt is null)
        {
            // The item is on its way to the buyer; a refund now would race the hand-over.
            return RefundOutcome.Refused(StatusCodes.Status409Conflict, "The item is still being handed over to the buyer; try the refund again in a moment.");
        }

        try
        {
            await settlement.RefundAsync(order, reason, isAdmin && order.SellerId != callerId ? OrderActor.Admin : OrderActor.Seller, cancellationToken);
            await db.SaveChangesAsync(CancellationToken.None);
            return RefundOutcome.Refunded(OrderResponse.From(order));
        }
        catch (DbUpdateConcurrencyException)
        {
            // Toss's cancel webhook recorded the refund while our cancel was on its way back: the refund stands once.
            db.ChangeTracker.Clear();
            var current = await db.Orders.SingleAsync(o => o.Id == orderId, CancellationToken.None);
            return current.Status == OrderStatus.Refunded
                ? RefundOutcome.Refunded(OrderResponse.From(current))
                : RefundOutcome.Refused(StatusCodes.Status409Conflict, $"This order changed while it was being refunded; it is now {Order.Describe(current.Status)}.");
        }
        catch (OrderStateException refusal)
        {
            return RefundOutcome.Refused(StatusCodes.Status409Conflict, refusal.Message);
        }
        catch (TossRejectedException refusal)
        {
            var problem = TossProblems.For(refusal);
            return new RefundOutcome(null, problem.Status!.Value, $"Toss refused the refund ({refusal.Code}): {refusal.TossMessage}", refusal.Code);
        }
        catch (TossUnavailableException)
        {
            return RefundOutcome.Refused(StatusCodes.Status503ServiceUnavailable, "Toss Payments did not answer; nothing was refunded yet. Try again in a moment (a repeat cannot refund twice).");
        }
    }
}

public sealed record RefundOutcome(OrderResponse? Order, int Status, string? Detail, string? TossCode)
{
    public static RefundOutcome Refunded(OrderResponse order) => new(order, StatusCodes.Status202Accepted, null, null);

    public static RefundOutcome Refused(int status, string detail) => new(null, status, detail, null);
}

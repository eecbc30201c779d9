using ClosetConnect.Payments.Settlement;

namespace ClosetConnect.Payments.Orders;

/// <summary>The buyer gives up a pending order: the reservation ends and the listing is free for others.</summary>
public sealed class CancelOrder(PaymentsDbContext db, PaymentSettlement settlement)
{
    /// <summary>Null when cancelled; otherwise why not (404 when it is not the caller's order).</summary>
    public async Task<OrderChangeRefusal?> HandleAsync(Guid orderId, Guid buyerId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId && o.BuyerId == buyerId, cancellationToken);
        if (order is null)
        {
            return OrderChangeRefusal.NotFound;
        }

        try
        {
            settlement.Cancel(order);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (OrderStateException refusal)
        {
            return new OrderChangeRefusal(StatusCodes.Status409Conflict, refusal.Message);
        }
        catch (DbUpdateException)
        {
            return new OrderChangeRefusal(StatusCodes.Status409Conflict, "The order changed meanwhile (a confirm may be in progress); read it again.");
        }
    }
}

public sealed record OrderChangeRefusal(int Status, string Detail)
{
    public static readonly OrderChangeRefusal NotFound = new(StatusCodes.Status404NotFound, "You have no such order.");
}

using ClosetConnect.EventBus;

namespace ClosetConnect.Payments.Settlement;

/// <summary>
/// The buyer has the item: the sale and its fee go into the seller's ledger, once. Judged on the order as it is now:
/// an order refunded before the hand-over (a cancel in Toss's console) records the hand-over but books no sale, since
/// Closet returns the item when the refund reaches it; a seller erased before it arrives gets the sale booked under the
/// anonymised order, as their erasure would have left it.
/// </summary>
public sealed class ItemTransferredHandler(PaymentsDbContext db, PaymentSettlement settlement, ILogger<ItemTransferredHandler> logger)
    : IIntegrationEventHandler<ItemTransferredEvent>
{
    public async Task HandleAsync(ItemTransferredEvent integrationEvent, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == integrationEvent.OrderId, cancellationToken);
        if (order is null || order.ItemTransferredAt is not null)
        {
            logger.LogInformation("Order {OrderId}: hand-over {State}; nothing to book", integrationEvent.OrderId, order is null ? "of an unknown order" : "recorded already");
            return;
        }

        await settlement.CompleteSaleAsync(order, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (order.Status == OrderStatus.Paid)
        {
            logger.LogInformation("Order {OrderId}: item {ItemId} handed over; sale booked", order.Id, order.ItemId);
        }
        else
        {
            logger.LogInformation("Order {OrderId}: item {ItemId} handed over after the order was {Status}; no sale booked", order.Id, order.ItemId, Order.Describe(order.Status));
        }
    }
}

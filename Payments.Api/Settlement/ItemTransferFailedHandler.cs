using ClosetConnect.EventBus;

namespace ClosetConnect.Payments.Settlement;

/// <summary>
/// The saga's compensation: Closet could not hand the paid item over (erased or sold meanwhile), so the buyer gets
/// the whole payment back. Toss's cancel carries an idempotency key, so a redelivery cannot refund twice; should Toss
/// be unreachable, the handler fails and the bus delivers the event again. An order that is no longer paid (refunded
/// first, e.g. in Toss's console) has nothing left to refund. An erased buyer's order is refunded all the same: the
/// money goes back to the card it came from.
/// </summary>
public sealed class ItemTransferFailedHandler(PaymentsDbContext db, PaymentSettlement settlement, ILogger<ItemTransferFailedHandler> logger)
    : IIntegrationEventHandler<ItemTransferFailedEvent>
{
    public async Task HandleAsync(ItemTransferFailedEvent integrationEvent, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == integrationEvent.OrderId, cancellationToken);
        if (order is not { Status: OrderStatus.Paid })
        {
            logger.LogInformation("Order {OrderId} could not be handed over but is {Status}; nothing to refund",
                integrationEvent.OrderId, order is null ? "unknown" : Order.Describe(order.Status));
            return;
        }

        await settlement.RefundAsync(order, integrationEvent.Reason, OrderActor.Closet, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Order {OrderId} refunded automatically: {Reason}", order.Id, integrationEvent.Reason);
    }
}

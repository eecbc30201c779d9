using ClosetConnect.Payments.Settlement;
using ClosetConnect.ServiceDefaults.EventBus;
using ClosetConnect.ServiceDefaults.EventBus.Events;

namespace ClosetConnect.Payments.Application.EventHandlers;

/// <summary>The buyer has the item: the sale and its fee go into the seller's ledger.</summary>
public sealed class ItemTransferredHandler(PaymentsDbContext db, PaymentSettlement settlement, ILogger<ItemTransferredHandler> logger)
    : IIntegrationEventHandler<ItemTransferredEvent>
{
    public async Task HandleAsync(ItemTransferredEvent integrationEvent, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == integrationEvent.OrderId, cancellationToken);
        if (order is null || order.ItemTransferredAt is not null)
        {
            return;
        }

        await settlement.CompleteSaleAsync(order, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Order {OrderId}: item {ItemId} handed over; sale booked", order.Id, order.ItemId);
    }
}

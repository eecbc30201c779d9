using ClosetConnect.EventBus.Outbox;

namespace ClosetConnect.Closet.Purchases;

/// <summary>
/// The buyer paid: the listing is sold and the item moves to the buyer's closet, and Payments hears of it
/// (<see cref="ItemTransferredEvent"/>, in the same transaction). When the item can no longer be handed over, Payments
/// hears that instead (<see cref="ItemTransferFailedEvent"/>) and refunds the buyer. Judged on the state found, not on
/// which events came before: a refund of the order, the buyer's erasure, or another sale that arrived first all leave
/// the item where it is. Idempotent: a repeat for an order already sold to it does nothing, and the events' ids derive
/// from the paid event's.
/// </summary>
public sealed class OrderPaidHandler(ClosetDbContext db, ItemOwnershipTransfer transfer, TimeProvider time, ILogger<OrderPaidHandler> logger)
    : IIntegrationEventHandler<OrderPaidEvent>
{
    public const string ItemGoneReason = "The seller removed this item before your payment completed.";
    public const string SoldToOtherReason = "Someone else bought this item before your payment completed.";
    public const string ReservedByOtherReason = "Your reservation ended before the payment completed, and another buyer is now paying for this item.";
    public const string BuyerErasedReason = "Your account was deleted before the payment completed.";
    public const string RefundedReason = "This order was refunded before the item was handed over.";

    public async Task HandleAsync(OrderPaidEvent paid, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var listing = await db.Listings.SingleOrDefaultAsync(l => l.Id == paid.ListingId, cancellationToken);
        if (listing is not null && listing.IsSoldTo(paid.OrderId))
        {
            return;
        }

        var item = listing is null
            ? null
            : await db.Items.SingleOrDefaultAsync(i => i.Id == listing.ItemId, cancellationToken);
        var refundedFirst = await db.RefundedOrders.AnyAsync(r => r.OrderId == paid.OrderId, cancellationToken);
        var buyerErased = paid.BuyerId == ErasedAccount.AnonymisedParty
            || await db.ErasedAccounts.AnyAsync(a => a.UserId == paid.BuyerId, cancellationToken);
        var refusal = listing switch
        {
            _ when refundedFirst => RefundedReason,
            null or { Status: ListingStatus.Withdrawn } => ItemGoneReason,
            { Status: ListingStatus.Sold } => SoldToOtherReason,
            _ when listing.IsReservedByAnotherOrder(paid.OrderId, now) => ReservedByOtherReason,
            _ when listing.ItemId != paid.ItemId || item is not { Status: ItemStatus.Ready } || item.UserId != listing.SellerId => ItemGoneReason,
            _ when buyerErased => BuyerErasedReason,
            _ when paid.BuyerId == listing.SellerId => ItemGoneReason,
            _ => null,
        };

        if (refusal is not null)
        {
            db.AddIntegrationEvent(new ItemTransferFailedEvent(paid.OrderId, paid.ListingId, paid.ItemId, refusal)
            {
                Id = IntegrationEvent.IdCausedBy(paid.Id, EventNames.Of<ItemTransferFailedEvent>()),
                OccurredAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Order {OrderId} is paid but listing {ListingId} cannot be handed over: {Reason}", paid.OrderId, paid.ListingId, refusal);
            return;
        }

        var sellerId = listing!.SellerId;
        listing.Sell(paid.OrderId, paid.BuyerId, now);
        await transfer.MoveAsync(item!, paid.BuyerId, OutfitRemovalReason.Sold, now, cancellationToken);
        db.AddIntegrationEvent(new ItemTransferredEvent(paid.OrderId, listing.Id, item!.Id, sellerId, paid.BuyerId)
        {
            Id = IntegrationEvent.IdCausedBy(paid.Id, EventNames.Of<ItemTransferredEvent>()),
            OccurredAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Listing {ListingId} sold to order {OrderId}; item {ItemId} moved to the buyer", listing.Id, paid.OrderId, item.Id);
    }
}

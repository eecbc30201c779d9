using ClosetConnect.Closet.Infrastructure;
using ClosetConnect.Closet.Outfits;

namespace ClosetConnect.Closet.Purchases;

/// <summary>
/// A paid order was refunded: an item that reached the buyer goes back to the seller (out of the buyer's outfits, its
/// images back to the seller's folder) and the listing is withdrawn until the seller lists it again. When the seller's
/// account was erased meanwhile, the item has no one to go back to and is deleted with its images. A refund that
/// arrives before the order's payment is remembered (<see cref="RefundedOrder"/>), so the paid event that follows
/// moves nothing, and a reservation the order still holds ends. Idempotent: once the buyer no longer holds the item,
/// a repeat finds nothing to do.
/// </summary>
public sealed class OrderRefundedHandler(
    ClosetDbContext db, ItemOwnershipTransfer transfer, BlobDeletionAfterCommit deletions, TimeProvider time, ILogger<OrderRefundedHandler> logger)
    : IIntegrationEventHandler<OrderRefundedEvent>
{
    public async Task HandleAsync(OrderRefundedEvent refunded, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await db.RefundedOrders.AnyAsync(r => r.OrderId == refunded.OrderId, cancellationToken))
        {
            db.RefundedOrders.Add(new RefundedOrder(refunded.OrderId, now));
        }

        var listing = await db.Listings.SingleOrDefaultAsync(l => l.Id == refunded.ListingId, cancellationToken);
        var sale = listing?.SoldToOrderId == refunded.OrderId ? listing : null;
        if (sale is null)
        {
            listing?.ReleaseReservation(refunded.OrderId, now);
        }

        // Payments may have anonymised the seller before it refunded: the event then names nobody.
        var sellerErased = refunded.SellerId == ErasedAccount.AnonymisedParty
            || await db.ErasedAccounts.AnyAsync(a => a.UserId == refunded.SellerId, cancellationToken);
        if (sale is null && !sellerErased)
        {
            // Never sold to this order (the hand-over failed, or the payment has not reached us yet): the item never moved.
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Order {OrderId} was refunded before its item was handed over; the item stays with its seller", refunded.OrderId);
            return;
        }

        // The seller's erasure deletes their listings, sold ones too: the event's ids then say where the item went.
        var itemId = sale?.ItemId ?? refunded.ItemId;
        var buyerId = sale?.BuyerId ?? refunded.BuyerId;
        var sellerId = sale?.SellerId ?? refunded.SellerId;
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == itemId && i.UserId == buyerId, cancellationToken);
        if (sale is { Status: ListingStatus.Sold })
        {
            sale.WithdrawAfterRefund(now);
        }

        if (item is null)
        {
            // Already returned, or the buyer deleted it meanwhile: nothing to move.
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (sellerErased)
        {
            await db.RemoveFromOutfitsAsync(item, OutfitRemovalReason.Refunded, now, cancellationToken);
            db.Items.Remove(item);
            deletions.DeleteAfterCommit(db, item.BlobFolder);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Order {OrderId} refunded; seller erased, so item {ItemId} was deleted", refunded.OrderId, item.Id);
            return;
        }

        await transfer.MoveAsync(item, sellerId, OutfitRemovalReason.Refunded, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Order {OrderId} refunded; item {ItemId} is back with its seller", refunded.OrderId, item.Id);
    }
}

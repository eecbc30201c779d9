using ClosetConnect.Closet.Outfits;

namespace ClosetConnect.Closet.Purchases;

/// <summary>
/// A paid order was refunded: an item that reached the buyer goes back to the seller (out of the buyer's outfits, its
/// images back to the seller's folder) and the listing is withdrawn until the seller lists it again. When the seller's
/// account was erased meanwhile, the item has no one to go back to and is deleted with its images. Idempotent: once the
/// buyer no longer holds the item, a repeat finds nothing to do.
/// </summary>
public sealed class OrderRefundedHandler(
    ClosetDbContext db, ItemOwnershipTransfer transfer, BlobDeletionAfterCommit deletions, TimeProvider time, ILogger<OrderRefundedHandler> logger)
    : IIntegrationEventHandler<OrderRefundedEvent>
{
    public async Task HandleAsync(OrderRefundedEvent refunded, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var listing = await db.Listings.SingleOrDefaultAsync(
            l => l.Id == refunded.ListingId && l.SoldToOrderId == refunded.OrderId, cancellationToken);
        var sellerErased = await db.ErasedAccounts.AnyAsync(a => a.UserId == refunded.SellerId, cancellationToken);
        if (listing is null && !sellerErased)
        {
            // Never sold to this order (the hand-over failed and Payments refunded): the item never moved.
            return;
        }

        var itemId = listing?.ItemId ?? refunded.ItemId;
        var buyerId = listing?.BuyerId ?? refunded.BuyerId;
        var sellerId = listing?.SellerId ?? refunded.SellerId;
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == itemId && i.UserId == buyerId, cancellationToken);
        if (listing is { Status: ListingStatus.Sold })
        {
            listing.WithdrawAfterRefund(now);
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

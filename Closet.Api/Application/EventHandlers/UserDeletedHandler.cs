namespace ClosetConnect.Closet.Application.EventHandlers;

/// <summary>
/// The account was erased: its items, outfits, listings, closet and every image (original, cut-out, mask) go; listings
/// the user bought keep the sale but forget the buyer. Idempotent: a redelivery finds nothing left to delete.
/// </summary>
public sealed class UserDeletedHandler(ClosetDbContext db, BlobDeletionAfterCommit deletions, TimeProvider time, ILogger<UserDeletedHandler> logger)
    : IIntegrationEventHandler<UserDeletedEvent>
{
    public async Task HandleAsync(UserDeletedEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        var now = time.GetUtcNow();
        var items = await db.Items.Where(i => i.UserId == userId).ToListAsync(cancellationToken);
        var blobKeys = items.SelectMany(i => i.BlobKeys()).ToList();
        db.Items.RemoveRange(items);
        db.Outfits.RemoveRange(await db.Outfits.AsSplitQuery().Where(o => o.UserId == userId).ToListAsync(cancellationToken));
        // A listing still reserved by a buyer's order goes too: when that order is paid, the hand-over fails and
        // Payments refunds the buyer.
        db.Listings.RemoveRange(await db.Listings.Where(l => l.SellerId == userId).ToListAsync(cancellationToken));
        foreach (var bought in await db.Listings.Where(l => l.BuyerId == userId).ToListAsync(cancellationToken))
        {
            bought.ForgetBuyer(now);
        }

        await db.Closets.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (!await db.ErasedAccounts.AnyAsync(a => a.UserId == userId, cancellationToken))
        {
            db.ErasedAccounts.Add(new ErasedAccount(userId, now));
        }

        await db.SaveChangesAsync(cancellationToken);

        // Files once the rows are gone for good: should the commit fail, the event is redelivered and finds the rows
        // (and keys) again.
        deletions.DeleteAfterCommit(db, blobKeys);
        logger.LogInformation("Erased the closet of user {UserId}: {Items} items, {Blobs} images", userId, items.Count, blobKeys.Count);
    }
}

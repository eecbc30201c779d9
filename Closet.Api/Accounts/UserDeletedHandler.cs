using ClosetConnect.Closet.Infrastructure;


namespace ClosetConnect.Closet.Accounts;

/// <summary>
/// The account was erased: its items, outfits, listings, closet and every image go; listings the user bought keep the
/// sale but forget the buyer. The <see cref="ErasedAccount"/> it leaves makes events that arrive later (a registration,
/// an analysis, a payment) create nothing for the account. Idempotent: a redelivery finds nothing left to delete.
/// </summary>
public sealed class UserDeletedHandler(ClosetDbContext db, BlobDeletionAfterCommit deletions, TimeProvider time, ILogger<UserDeletedHandler> logger)
    : IIntegrationEventHandler<UserDeletedEvent>
{
    public async Task HandleAsync(UserDeletedEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        var now = time.GetUtcNow();
        var items = await db.Items.Where(i => i.UserId == userId).ToListAsync(cancellationToken);
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

        // Files once the rows are gone for good (should the commit fail, the event is redelivered). The owner's whole
        // folder: every item's folder, with cut-outs an analysis wrote after the items were read.
        deletions.DeleteAfterCommit(db, ClosetItem.OwnerFolder(userId));
        logger.LogInformation("Erased the closet of user {UserId}: {Items} items and their images", userId, items.Count);
    }
}

using ClosetConnect.ServiceDefaults.Storage;

namespace ClosetConnect.Closet.Application.EventHandlers;

/// <summary>
/// The account was erased: its items, closet and every image (original, cut-out, mask) go. Idempotent: a redelivery
/// finds nothing left to delete.
/// </summary>
public sealed class UserDeletedHandler(ClosetDbContext db, IBlobStore blobs, TimeProvider time, ILogger<UserDeletedHandler> logger)
    : IIntegrationEventHandler<UserDeletedEvent>
{
    public async Task HandleAsync(UserDeletedEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        var items = await db.Items.Where(i => i.UserId == userId).ToListAsync(cancellationToken);
        var blobKeys = items.SelectMany(i => i.BlobKeys()).ToList();
        db.Items.RemoveRange(items);
        await db.Closets.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (!await db.ErasedAccounts.AnyAsync(a => a.UserId == userId, cancellationToken))
        {
            db.ErasedAccounts.Add(new ErasedAccount(userId, time.GetUtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken);

        // Files after the rows: should the commit fail, the event is redelivered and finds the rows (and keys) again.
        foreach (var key in blobKeys)
        {
            await blobs.DeleteAsync(key, cancellationToken);
        }

        logger.LogInformation("Erased the closet of user {UserId}: {Items} items, {Blobs} images", userId, items.Count, blobKeys.Count);
    }
}

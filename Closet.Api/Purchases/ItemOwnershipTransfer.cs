using ClosetConnect.Closet.Infrastructure;
using ClosetConnect.Closet.Outfits;
using ClosetConnect.ServiceDefaults.Storage;

namespace ClosetConnect.Closet.Purchases;

/// <summary>
/// Moves an item from one closet to another (a sale, or its return after a refund): it leaves the old owner's outfits,
/// its images are copied into the new owner's folder, and the old folder is deleted only once the change commits.
/// Runs inside the event handler's transaction.
/// </summary>
public sealed class ItemOwnershipTransfer(
    ClosetDbContext db, IBlobStore blobs, BlobDeletionAfterCommit deletions, ILogger<ItemOwnershipTransfer> logger)
{
    public async Task MoveAsync(ClosetItem item, Guid newOwnerId, OutfitRemovalReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.RemoveFromOutfitsAsync(item, reason, now, cancellationToken);
        var oldFolder = item.BlobFolder;
        var moves = item.TransferTo(newOwnerId, now);
        foreach (var move in moves)
        {
            await using var source = await blobs.OpenReadAsync(move.From, cancellationToken);
            if (source is null)
            {
                // Nothing to copy (the file was lost); the item still moves, and that image answers 404 as before.
                logger.LogWarning("Image {BlobKey} of item {ItemId} is missing; moving the item without it", move.From, item.Id);
                continue;
            }

            await blobs.WriteAsync(move.To, source, cancellationToken);
        }

        if (item.BlobFolder != oldFolder)
        {
            deletions.DeleteAfterCommit(db, oldFolder);
        }

        if (!await db.Closets.AnyAsync(c => c.UserId == newOwnerId, cancellationToken)
            && !db.Closets.Local.Any(c => c.UserId == newOwnerId))
        {
            // The registration event may still be on its way; it names the closet when it comes.
            db.Closets.Add(new UserCloset(newOwnerId, string.Empty, now));
        }
    }
}

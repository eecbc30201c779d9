using ClosetConnect.Closet.Infrastructure;
using ClosetConnect.Closet.Listings;
using ClosetConnect.Closet.Outfits;

namespace ClosetConnect.Closet.Items;

/// <summary>
/// The owner changes or deletes one of their items. Neither is allowed while a buyer's unexpired order holds the
/// item's listing: the buyer pays for the item as listed.
/// </summary>
public sealed class ItemCommands(ClosetDbContext db, BlobDeletionAfterCommit deletions, ItemQueries queries, TimeProvider time)
{
    public static readonly UseCaseFailure ItemNotFound = UseCaseFailure.NotFound("There is no such item in your closet.");

    public async Task<UseCaseResult<ItemResponse>> UpdateAsync(Guid ownerId, Guid itemId, ItemDetails changes, CancellationToken cancellationToken)
    {
        var normalized = changes with
        {
            Name = changes.Name?.Trim(),
            Brand = changes.Brand?.Trim(),
            Size = changes.Size?.Trim(),
            Tags = changes.Tags?.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(),
        };
        var errors = ItemDetailsValidator.Validate(normalized, isCreate: false);
        if (errors.Count > 0)
        {
            return UseCaseFailure.Invalid(errors);
        }

        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == itemId && i.UserId == ownerId, cancellationToken);
        if (item is null)
        {
            return ItemNotFound;
        }

        var now = time.GetUtcNow();
        if (await db.ActiveListingAsync(item.Id, item.UserId, cancellationToken) is { } listing && listing.IsReservedAt(now))
        {
            return BeingBought("changed");
        }

        item.Apply(normalized, now);
        await db.SaveChangesAsync(cancellationToken);
        return await queries.WithListingAsync(item, now, cancellationToken);
    }

    /// <summary>
    /// Deletes the item and its images; it leaves every outfit it was in (which records it) and its listing is
    /// withdrawn, all in one transaction. Null when deleted.
    /// </summary>
    public async Task<UseCaseFailure?> DeleteAsync(Guid ownerId, Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == itemId && i.UserId == ownerId, cancellationToken);
        if (item is null)
        {
            return ItemNotFound;
        }

        var now = time.GetUtcNow();
        if (await db.ActiveListingAsync(item.Id, item.UserId, cancellationToken) is { } listing)
        {
            if (listing.IsReservedAt(now))
            {
                return BeingBought("deleted");
            }

            listing.Withdraw(now);
        }

        await db.RemoveFromOutfitsAsync(item, OutfitRemovalReason.Deleted, now, cancellationToken);
        db.Items.Remove(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A buyer's order reserved the listing between the read and the write.
            return BeingBought("deleted");
        }

        // The folder rather than the keys read above: an analysis that landed meanwhile wrote a cut-out and a mask there.
        await deletions.DeleteNowAsync(item.BlobFolder);
        return null;
    }

    private static UseCaseFailure BeingBought(string change) =>
        UseCaseFailure.Conflict($"Someone is paying for this item; it can be {change} after their order ends.") with { Title = "Item is being bought" };
}

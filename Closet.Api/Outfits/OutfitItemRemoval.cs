namespace ClosetConnect.Closet.Outfits;

public static class OutfitItemRemoval
{
    /// <summary>
    /// The item leaves its owner's closet: it leaves each of the owner's outfits, which record why. Tracked changes only:
    /// they commit with the caller's <c>SaveChanges</c>, in the same transaction as the item's own change. Call it
    /// before the item changes owner.
    /// </summary>
    public static async Task<int> RemoveFromOutfitsAsync(
        this ClosetDbContext db, ClosetItem item, OutfitRemovalReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outfits = await db.Outfits.AsSplitQuery()
            .Where(o => o.UserId == item.UserId && o.Items.Any(i => i.ItemId == item.Id))
            .ToListAsync(cancellationToken);
        foreach (var outfit in outfits)
        {
            outfit.RemoveItem(item.Id, item.Name, reason, now);
        }

        return outfits.Count;
    }
}

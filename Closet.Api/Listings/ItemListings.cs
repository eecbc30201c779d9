namespace ClosetConnect.Closet.Listings;

/// <summary>An item's current (active) listing by its owner.</summary>
public static class ItemListings
{
    public static Task<Listing?> ActiveListingAsync(this ClosetDbContext db, Guid itemId, Guid sellerId, CancellationToken cancellationToken) =>
        db.Listings.SingleOrDefaultAsync(l => l.ItemId == itemId && l.SellerId == sellerId && l.Status == ListingStatus.Active, cancellationToken);

    /// <summary>The current listing of each of the seller's items that has one.</summary>
    public static async Task<Dictionary<Guid, ItemListingResponse>> ListingSummariesAsync(
        this ClosetDbContext db, Guid sellerId, IEnumerable<Guid> itemIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var listings = await db.Listings.AsNoTracking()
            .Where(l => l.SellerId == sellerId && l.Status == ListingStatus.Active && EF.Constant(ids).Contains(l.ItemId))
            .ToListAsync(cancellationToken);
        return listings.ToDictionary(l => l.ItemId, l => ItemListingResponse.From(l, now));
    }
}

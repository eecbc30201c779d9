namespace ClosetConnect.Closet.Listings;

/// <summary>An item's current (active) listing by its owner.</summary>
public static class ItemListings
{
    public static Task<Listing?> ActiveListingAsync(this ClosetDbContext db, Guid itemId, Guid sellerId, CancellationToken cancellationToken) =>
        db.Listings.SingleOrDefaultAsync(l => l.ItemId == itemId && l.SellerId == sellerId && l.Status == ListingStatus.Active, cancellationToken);

    /// <summary>The current listing of each of the seller's items that has one.</summary>
    public static async Task<Dictionary<Guid, ItemListingResponse>> ListingSummariesAsync(
        this ClosetDbContext db, Guid sellerId, IEnumerable<Guid> itemIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.ActiveListingsAsync(sellerId, itemIds, cancellationToken)).ToDictionary(l => l.ItemId, l => ItemListingResponse.From(l, now));

    /// <summary>The seller's active listings of these items.</summary>
    public static async Task<List<Listing>> ActiveListingsAsync(
        this ClosetDbContext db, Guid sellerId, IEnumerable<Guid> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Listings.AsNoTracking()
            .Where(l => l.SellerId == sellerId && l.Status == ListingStatus.Active && EF.Constant(ids).Contains(l.ItemId))
            .ToListAsync(cancellationToken);
    }
}

using ClosetConnect.Closet.Items;
using ClosetConnect.Closet.Listings;
using ClosetConnect.Closet.Outfits;

namespace ClosetConnect.Closet.Accounts;

/// <summary>The user's closet, every item with its image links, their outfits, listings and purchases, for the GDPR data export.</summary>
public sealed class ClosetDataExport(ClosetDbContext db, OutfitQueries outfitQueries, TimeProvider time)
{
    public async Task<ClosetExport> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closet = await db.Closets.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        var items = await db.Items.AsNoTracking().Where(i => i.UserId == userId).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var outfits = await outfitQueries.ListAsync(userId, cancellationToken);
        var listings = await db.Listings.AsNoTracking().Where(l => l.SellerId == userId).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken);
        var purchases = await db.Listings.AsNoTracking().Where(l => l.BuyerId == userId).OrderBy(l => l.SoldAt).ToListAsync(cancellationToken);
        var current = listings.Where(l => l.Status == ListingStatus.Active).ToDictionary(l => l.ItemId, l => ItemListingResponse.From(l, now));
        return new ClosetExport(
            closet is null ? null : new ClosetSummary(closet.Username, closet.CreatedAt),
            items.Select(i => ItemResponse.From(i, current)).ToList(),
            outfits.Outfits.OrderBy(o => o.CreatedAt).ToList(),
            listings.Select(l => ListingExport.From(l, now)).ToList(),
            purchases.Select(l => ListingExport.From(l, now)).ToList());
    }
}

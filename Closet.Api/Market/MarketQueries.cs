using ClosetConnect.ServiceDefaults.Storage;

namespace ClosetConnect.Closet.Market;

/// <summary>What the marketplace shows anyone: active (and reserved) listings, and sold ones by id.</summary>
public sealed class MarketQueries(ClosetDbContext db, IBlobStore blobs, TimeProvider time)
{
    public static readonly UseCaseFailure NotFound = UseCaseFailure.NotFound("There is no such listing on the marketplace.");

    public async Task<UseCaseResult<MarketListingPage>> BrowseAsync(MarketListingQuery query, CancellationToken cancellationToken)
    {
        if (query.Validate() is { Count: > 0 } errors)
        {
            return UseCaseFailure.Invalid(errors, "Some query parameters are not valid; see errors.");
        }

        var items = query.Items.Apply(db.Items.AsNoTracking());
        var listings = query.Apply(db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Active));
        var offered =
            from listing in listings
            join item in items on new { Id = listing.ItemId, Owner = listing.SellerId } equals new { item.Id, Owner = item.UserId }
            select new { listing, item };
        var total = await offered.CountAsync(cancellationToken);
        var page = await (
                from row in offered
                join closet in db.Closets on row.listing.SellerId equals closet.UserId into closets
                from closet in closets.DefaultIfEmpty()
                orderby row.listing.CreatedAt descending, row.listing.Id descending
                select new { row.listing, row.item, Username = closet == null ? null : closet.Username })
            .Skip((query.Items.PageNumber - 1) * query.Items.Size)
            .Take(query.Items.Size)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new MarketListingPage(
            page.Select(r => MarketListingResponse.From(r.listing, r.item, r.Username, now)).ToList(),
            total, query.Items.PageNumber, query.Items.Size);
    }

    /// <summary>An active, reserved or sold listing; a withdrawn one is not found.</summary>
    public async Task<UseCaseResult<MarketListingResponse>> GetAsync(Guid listingId, CancellationToken cancellationToken)
    {
        var row = await (
                from listing in db.Listings.AsNoTracking()
                where listing.Id == listingId && listing.Status != ListingStatus.Withdrawn
                join item in db.Items.AsNoTracking() on listing.ItemId equals item.Id
                join closet in db.Closets on listing.SellerId equals closet.UserId into closets
                from closet in closets.DefaultIfEmpty()
                select new { listing, item, Username = closet == null ? null : closet.Username })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? NotFound : MarketListingResponse.From(row.listing, row.item, row.Username, time.GetUtcNow());
    }

    /// <summary>The listed item's cut-out PNG; null when the listing is not shown or has no cut-out.</summary>
    public async Task<Stream?> OpenImageAsync(Guid listingId, CancellationToken cancellationToken)
    {
        var cutoutKey = await (
                from listing in db.Listings.AsNoTracking()
                where listing.Id == listingId && listing.Status != ListingStatus.Withdrawn
                join item in db.Items.AsNoTracking() on listing.ItemId equals item.Id
                select item.CutoutKey)
            .SingleOrDefaultAsync(cancellationToken);
        return cutoutKey is null ? null : await blobs.OpenReadAsync(cutoutKey, cancellationToken);
    }
}

using ClosetConnect.Closet.Listings;
using ClosetConnect.Closet.Outfits;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Closet.Apis;

/// <summary>What other services ask of this one about a user (<see cref="InternalUserApi"/>).</summary>
public static class InternalApi
{
    public static RouteGroupBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapInternalUserApi();
        api.MapGet("/export", ExportUserDataAsync);
        return api;
    }

    /// <summary>The user's closet, every item with its image links, their outfits, listings and purchases, for the GDPR data export.</summary>
    public static async Task<Ok<ClosetExport>> ExportUserDataAsync(
        Guid id, ClosetDbContext db, OutfitQueries outfitQueries, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closet = await db.Closets.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == id, cancellationToken);
        var items = await db.Items.AsNoTracking().Where(i => i.UserId == id).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var outfits = await outfitQueries.ListAsync(id, cancellationToken);
        var listings = await db.Listings.AsNoTracking().Where(l => l.SellerId == id).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken);
        var purchases = await db.Listings.AsNoTracking().Where(l => l.BuyerId == id).OrderBy(l => l.SoldAt).ToListAsync(cancellationToken);
        var current = listings.Where(l => l.Status == ListingStatus.Active).ToDictionary(l => l.ItemId, l => ItemListingResponse.From(l, now));
        return TypedResults.Ok(new ClosetExport(
            closet is null ? null : new ClosetSummary(closet.Username, closet.CreatedAt),
            items.Select(i => ItemResponse.From(i, current)).ToList(),
            outfits.Outfits.OrderBy(o => o.CreatedAt).ToList(),
            listings.Select(l => ListingExport.From(l, now)).ToList(),
            purchases.Select(l => ListingExport.From(l, now)).ToList()));
    }
}

/// <summary>The user's closet data: items, outfits, the listings they made as seller and those they bought.</summary>
public sealed record ClosetExport(
    ClosetSummary? Closet,
    IReadOnlyList<ItemResponse> Items,
    IReadOnlyList<OutfitResponse> Outfits,
    IReadOnlyList<ListingExport> Listings,
    IReadOnlyList<ListingExport> Purchases);

/// <summary>A listing in the data export (no other user's id: the buyer of a sale and the seller of a purchase stay out).</summary>
public sealed record ListingExport(
    Guid Id, Guid ItemId, long Price, string Currency, string? Description, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SoldAt)
{
    public static ListingExport From(Listing listing, DateTimeOffset now) => new(
        listing.Id, listing.ItemId, listing.Price, listing.Currency, listing.Description, listing.PublicStatus(now), listing.CreatedAt, listing.SoldAt);
}

public sealed record ClosetSummary(string Username, DateTimeOffset CreatedAt);

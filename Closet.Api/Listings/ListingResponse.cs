namespace ClosetConnect.Closet.Listings;

/// <summary>The seller's new listing.</summary>
public sealed record ListingResponse(Guid Id, Guid ItemId, long Price, string Currency, string? Description, string Status, DateTimeOffset CreatedAt)
{
    public static ListingResponse From(Listing listing, DateTimeOffset now) =>
        new(listing.Id, listing.ItemId, listing.Price, listing.Currency, listing.Description, listing.PublicStatus(now), listing.CreatedAt);
}

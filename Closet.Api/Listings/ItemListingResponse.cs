namespace ClosetConnect.Closet.Listings;

/// <summary>The owner's current listing of an item, on the item JSON. <see cref="Status"/>: active or reserved.</summary>
public sealed record ItemListingResponse(Guid Id, long Price, string Currency, string Status)
{
    public static ItemListingResponse From(Listing listing, DateTimeOffset now) =>
        new(listing.Id, listing.Price, listing.Currency, listing.PublicStatus(now));
}

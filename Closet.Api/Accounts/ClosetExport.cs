using ClosetConnect.Closet.Items;
using ClosetConnect.Closet.Outfits;

namespace ClosetConnect.Closet.Accounts;

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

using ClosetConnect.Closet.Items;

namespace ClosetConnect.Closet.Market;

/// <summary>
/// A listing as anyone sees it: the item's public details, the price and the seller's username. Never the seller's id
/// or email, never the original photo (only the cut-out, at <see cref="ImageUrl"/>).
/// </summary>
public sealed record MarketListingResponse(
    Guid Id,
    Guid ItemId,
    string Name,
    string? Category,
    IReadOnlyList<ColorResponse> Colors,
    string? Brand,
    string? Size,
    string? Description,
    long Price,
    string Currency,
    string Status,
    MarketSeller Seller,
    string ImageUrl,
    DateTimeOffset CreatedAt)
{
    public static MarketListingResponse From(Listing listing, ClosetItem item, string? sellerUsername, DateTimeOffset now) => new(
        listing.Id,
        listing.ItemId,
        item.Name,
        item.Category,
        item.Colors.OrderBy(c => c.Rank).Select(c => new ColorResponse(c.Hex, c.Name, c.Share)).ToList(),
        item.Brand,
        item.Size,
        listing.Description,
        listing.Price,
        listing.Currency,
        listing.PublicStatus(now),
        new MarketSeller(string.IsNullOrEmpty(sellerUsername) ? "unknown" : sellerUsername),
        $"/api/v1/market/listings/{listing.Id}/image",
        listing.CreatedAt);
}

public sealed record MarketSeller(string Username);

public sealed record MarketListingPage(IReadOnlyList<MarketListingResponse> Listings, int Total, int Page, int PageSize);

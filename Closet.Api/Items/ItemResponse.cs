using ClosetConnect.Closet.Listings;

namespace ClosetConnect.Closet.Items;

/// <summary>An item as clients see it (the public contract's item JSON); <see cref="Listing"/> is its current listing, if any.</summary>
public sealed record ItemResponse(
    Guid Id,
    string Name,
    string Status,
    string? Category,
    IReadOnlyList<ColorResponse> Colors,
    string? Brand,
    string? Size,
    string? Season,
    IReadOnlyList<string> Tags,
    string? FailureReason,
    string ImageUrl,
    string? CutoutUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ItemListingResponse? Listing)
{
    public static ItemResponse From(ClosetItem item, ItemListingResponse? listing) => new(
        item.Id,
        item.Name,
        item.Status.ToString().ToLowerInvariant(),
        item.Category,
        item.Colors.OrderBy(c => c.Rank).Select(c => new ColorResponse(c.Hex, c.Name, c.Share)).ToList(),
        item.Brand,
        item.Size,
        item.Season,
        item.TagList,
        item.FailureReason,
        $"/api/v1/closet/items/{item.Id}/image",
        item.CutoutKey is null ? null : $"/api/v1/closet/items/{item.Id}/cutout",
        item.CreatedAt,
        item.UpdatedAt,
        listing);

    public static ItemResponse From(ClosetItem item, IReadOnlyDictionary<Guid, ItemListingResponse> listings) =>
        From(item, listings.GetValueOrDefault(item.Id));
}

public sealed record ColorResponse(string Hex, string Name, double Share);

public sealed record ItemPage(IReadOnlyList<ItemResponse> Items, int Total, int Page, int PageSize);

public sealed record CreatedItemResponse(Guid Id, string Status);

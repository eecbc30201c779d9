namespace ClosetConnect.Closet.Outfits;

/// <summary>An outfit as its owner sees it: its items, and the items that left it and why.</summary>
public sealed record OutfitResponse(
    Guid Id,
    string Name,
    string? Occasion,
    string? Season,
    IReadOnlyList<OutfitItemResponse> Items,
    IReadOnlyList<RemovedOutfitItemResponse> RemovedItems,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary><paramref name="items"/>: the owner's items by id (an id without one is left out).</summary>
    public static OutfitResponse From(Outfit outfit, IReadOnlyDictionary<Guid, ClosetItem> items) => new(
        outfit.Id,
        outfit.Name,
        outfit.Occasion,
        outfit.Season,
        outfit.ItemIds.Where(items.ContainsKey).Select(id => OutfitItemResponse.From(items[id])).ToList(),
        outfit.RemovedItems.OrderBy(r => r.RemovedAt)
            .Select(r => new RemovedOutfitItemResponse(r.ItemId, r.Name, r.Reason.ToString().ToLowerInvariant(), r.RemovedAt))
            .ToList(),
        outfit.CreatedAt,
        outfit.UpdatedAt);
}

public sealed record OutfitItemResponse(Guid Id, string Name, string? Category, string? CutoutUrl)
{
    public static OutfitItemResponse From(ClosetItem item) =>
        new(item.Id, item.Name, item.Category, item.CutoutKey is null ? null : $"/api/v1/closet/items/{item.Id}/cutout");
}

/// <summary><see cref="Reason"/>: deleted, sold or refunded.</summary>
public sealed record RemovedOutfitItemResponse(Guid ItemId, string Name, string Reason, DateTimeOffset RemovedAt);

public sealed record OutfitList(IReadOnlyList<OutfitResponse> Outfits, int Total);

namespace ClosetConnect.Closet.Domain;

/// <summary>
/// A named combination of the owner's items. An item that leaves the closet (deleted, sold, returned after a refund)
/// leaves the outfit too, and the outfit keeps a <see cref="RemovedOutfitItem"/> record of it.
/// </summary>
public sealed class Outfit
{
    public const int MaxNameLength = 100;
    public const int MaxItems = 20;
    public const int MaxOccasionLength = 50;

    private readonly List<OutfitItem> _items = [];
    private readonly List<RemovedOutfitItem> _removedItems = [];

    private Outfit()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Occasion { get; private set; }

    public string? Season { get; private set; }

    public IReadOnlyList<OutfitItem> Items => _items;

    public IReadOnlyList<RemovedOutfitItem> RemovedItems => _removedItems;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The outfit's items in the order the owner gave them.</summary>
    public IReadOnlyList<Guid> ItemIds => _items.OrderBy(i => i.Position).Select(i => i.ItemId).ToList();

    /// <summary>A new outfit from validated details (name and items are required).</summary>
    public static Outfit Create(Guid id, Guid userId, OutfitDetails details, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(details.Name) || details.ItemIds is not { Count: > 0 })
        {
            throw new ArgumentException("An outfit needs a name and at least one item.", nameof(details));
        }

        var outfit = new Outfit { Id = id, UserId = userId, CreatedAt = now };
        outfit.Apply(details, now);
        return outfit;
    }

    /// <summary>Applies the fields that are set; an empty occasion or season clears it.</summary>
    public void Apply(OutfitDetails details, DateTimeOffset now)
    {
        if (details.Name is { } name)
        {
            Name = name.Trim();
        }

        if (details.Occasion is { } occasion)
        {
            Occasion = occasion.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        }

        if (details.Season is { } season)
        {
            Season = season.Length == 0 ? null : season;
        }

        if (details.ItemIds is { } itemIds)
        {
            SetItems(itemIds);
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// The item left the closet: it leaves the outfit, which records it. False when it was not in the outfit.
    /// A later removal of the same item (sold again after a refund) replaces the earlier record.
    /// </summary>
    public bool RemoveItem(Guid itemId, string itemName, OutfitRemovalReason reason, DateTimeOffset now)
    {
        if (_items.RemoveAll(i => i.ItemId == itemId) == 0)
        {
            return false;
        }

        _removedItems.RemoveAll(r => r.ItemId == itemId);
        _removedItems.Add(new RemovedOutfitItem(itemId, itemName, reason, now));
        UpdatedAt = now;
        return true;
    }

    private void SetItems(IReadOnlyList<Guid> itemIds)
    {
        var distinct = itemIds.Distinct().ToList();
        if (distinct.Count is 0 or > MaxItems)
        {
            throw new ArgumentException($"An outfit holds 1 to {MaxItems} items.", nameof(itemIds));
        }

        _items.Clear();
        _items.AddRange(distinct.Select((itemId, position) => new OutfitItem(itemId, position)));
        // An item back in the outfit is no longer missing from it.
        _removedItems.RemoveAll(r => distinct.Contains(r.ItemId));
    }
}

namespace ClosetConnect.Closet.Domain;

public enum ItemStatus
{
    Processing,
    Ready,
    Failed,
}

/// <summary>
/// A garment in a user's closet. It starts <see cref="ItemStatus.Processing"/> while Vision.Worker analyses the
/// photo; the analysis fills colours and, unless the owner chose one, the category.
/// </summary>
public sealed class ClosetItem
{
    private readonly List<ItemColor> _colors = [];

    private ClosetItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Category { get; private set; }

    public bool CategoryChosenByOwner { get; private set; }

    public string? Brand { get; private set; }

    public string? Size { get; private set; }

    public string? Season { get; private set; }

    /// <summary>Comma-separated; searched with <c>q</c>.</summary>
    public string Tags { get; private set; } = string.Empty;

    public ItemStatus Status { get; private set; }

    public string? FailureReason { get; private set; }

    public string ImageKey { get; private set; } = string.Empty;

    public string ImageContentType { get; private set; } = string.Empty;

    public string? CutoutKey { get; private set; }

    public string? MaskKey { get; private set; }

    public string? ModelVersion { get; private set; }

    public IReadOnlyList<ItemColor> Colors => _colors;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> TagList => Tags.Length == 0 ? [] : Tags.Split(',');

    public static ClosetItem Upload(Guid id, Guid userId, ItemDetails details, string imageKey, string imageContentType, DateTimeOffset now)
    {
        var item = new ClosetItem
        {
            Id = id,
            UserId = userId,
            ImageKey = imageKey,
            ImageContentType = imageContentType,
            Status = ItemStatus.Processing,
            CreatedAt = now,
        };
        item.Apply(details, now);
        return item;
    }

    /// <summary>Applies the fields that are set; an empty string clears an optional field.</summary>
    public void Apply(ItemDetails details, DateTimeOffset now)
    {
        if (details.Name is { } name)
        {
            Name = name;
        }

        if (details.Category is { } category)
        {
            Category = NullIfEmpty(category);
            CategoryChosenByOwner = Category is not null;
        }

        if (details.Brand is { } brand)
        {
            Brand = NullIfEmpty(brand);
        }

        if (details.Size is { } size)
        {
            Size = NullIfEmpty(size);
        }

        if (details.Season is { } season)
        {
            Season = NullIfEmpty(season);
        }

        if (details.Tags is { } tags)
        {
            Tags = string.Join(',', tags);
        }

        UpdatedAt = now;
    }

    public void CompleteAnalysis(string? suggestedCategory, IEnumerable<ItemColor> colors, string? cutoutKey, string? maskKey, string modelVersion, DateTimeOffset now)
    {
        if (!CategoryChosenByOwner)
        {
            Category = suggestedCategory;
        }

        _colors.Clear();
        _colors.AddRange(colors);
        CutoutKey = cutoutKey;
        MaskKey = maskKey;
        ModelVersion = modelVersion;
        Status = ItemStatus.Ready;
        FailureReason = null;
        UpdatedAt = now;
    }

    public void FailAnalysis(string reason, DateTimeOffset now)
    {
        Status = ItemStatus.Failed;
        FailureReason = reason.Length > 500 ? reason[..500] : reason;
        UpdatedAt = now;
    }

    /// <summary>
    /// The item now belongs to <paramref name="newOwnerId"/> (a sale, or its return after a refund). Its images move to
    /// the new owner's folder, <c>items/{owner:N}/{item:N}/…</c>: the caller copies each blob and deletes the old folder
    /// once the change is committed.
    /// </summary>
    public IReadOnlyList<BlobMove> TransferTo(Guid newOwnerId, DateTimeOffset now)
    {
        var moves = new List<BlobMove>();
        string Move(string key)
        {
            var moved = KeyFor(newOwnerId, Id, key[(key.LastIndexOf('/') + 1)..]);
            if (moved != key)
            {
                moves.Add(new BlobMove(key, moved));
            }

            return moved;
        }

        ImageKey = Move(ImageKey);
        CutoutKey = CutoutKey is null ? null : Move(CutoutKey);
        MaskKey = MaskKey is null ? null : Move(MaskKey);
        UserId = newOwnerId;
        UpdatedAt = now;
        return moves;
    }

    /// <summary>
    /// The folder that holds every image of the item, <c>items/{owner:N}/{item:N}</c>: the original, and the cut-out and
    /// mask Vision.Worker writes beside it. Deleting the folder deletes them all, even files whose analysis no row
    /// records yet.
    /// </summary>
    public string BlobFolder => FolderFor(UserId, Id);

    public static string FolderFor(Guid ownerId, Guid itemId) => $"{OwnerFolder(ownerId)}/{itemId:N}";

    /// <summary>The folder of every item a user owns, <c>items/{owner:N}</c>.</summary>
    public static string OwnerFolder(Guid ownerId) => $"items/{ownerId:N}";

    /// <summary>Where an item's image lives: <c>items/{owner:N}/{item:N}/{fileName}</c>.</summary>
    public static string KeyFor(Guid ownerId, Guid itemId, string fileName) => $"{FolderFor(ownerId, itemId)}/{fileName}";

    /// <summary>The folder of item <paramref name="itemId"/> that <paramref name="key"/> lies in; null when it is not one of that item's keys.</summary>
    public static string? FolderOfKey(Guid itemId, string key) =>
        key.Split('/') is ["items", var owner, var item, { Length: > 0 }]
        && Guid.TryParseExact(owner, "N", out var ownerId)
        && string.Equals(item, itemId.ToString("N"), StringComparison.Ordinal)
            ? FolderFor(ownerId, itemId)
            : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>One dominant colour of the garment and the share of its pixels.</summary>
public sealed record ItemColor(int Rank, string Hex, string Name, double Share);

/// <summary>Owner-editable fields; null means "leave as is".</summary>
public sealed record ItemDetails(string? Name, string? Category, string? Brand, string? Size, string? Season, IReadOnlyList<string>? Tags);

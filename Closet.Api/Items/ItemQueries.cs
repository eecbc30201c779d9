using ClosetConnect.Closet.Listings;
using ClosetConnect.ServiceDefaults.Storage;

namespace ClosetConnect.Closet.Items;

/// <summary>One of the owner's items, or its stored images. Another user's item is not found, so ids reveal nothing.</summary>
public sealed class ItemQueries(ClosetDbContext db, IBlobStore blobs, TimeProvider time)
{
    public async Task<ItemResponse?> FindAsync(Guid ownerId, Guid itemId, CancellationToken cancellationToken) =>
        await FindOwnAsync(ownerId, itemId, cancellationToken) is { } item
            ? await WithListingAsync(item, time.GetUtcNow(), cancellationToken)
            : null;

    /// <summary>The photo as stored, or null when there is no such item.</summary>
    public Task<ItemImage?> OpenImageAsync(Guid ownerId, Guid itemId, CancellationToken cancellationToken) =>
        OpenAsync(ownerId, itemId, item => (item.ImageKey, item.ImageContentType), cancellationToken);

    /// <summary>The cut-out garment (PNG), or null when there is no such item or its analysis has not made one.</summary>
    public Task<ItemImage?> OpenCutoutAsync(Guid ownerId, Guid itemId, CancellationToken cancellationToken) =>
        OpenAsync(ownerId, itemId, item => (item.CutoutKey, "image/png"), cancellationToken);

    public async Task<ItemResponse> WithListingAsync(ClosetItem item, DateTimeOffset now, CancellationToken cancellationToken) =>
        ItemResponse.From(item, await db.ListingSummariesAsync(item.UserId, [item.Id], now, cancellationToken));

    private async Task<ItemImage?> OpenAsync(
        Guid ownerId, Guid itemId, Func<ClosetItem, (string? Key, string ContentType)> select, CancellationToken cancellationToken)
    {
        var item = await FindOwnAsync(ownerId, itemId, cancellationToken);
        if (item is null || select(item) is not { Key: { } key, ContentType: var contentType })
        {
            return null;
        }

        return await blobs.OpenReadAsync(key, cancellationToken) is { } content ? new ItemImage(content, contentType) : null;
    }

    private Task<ClosetItem?> FindOwnAsync(Guid ownerId, Guid itemId, CancellationToken cancellationToken) =>
        db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.UserId == ownerId, cancellationToken);
}

using System.Text.Json;
using ClosetConnect.Closet.Infrastructure.Caching;
using ClosetConnect.Closet.Listings;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ClosetConnect.Closet.Items;

/// <summary>
/// The owner's closet a page at a time, newest first, each item with its current listing, as JSON. The API's busiest
/// read: served from <see cref="ItemListCache"/> when it holds the page, else read from the database and cached until
/// a write or a reservation's end changes it.
/// </summary>
public sealed class ItemPages(ClosetDbContext db, ItemListCache cache, IOptions<HttpJsonOptions> json, TimeProvider time)
{
    public async Task<byte[]> ReadJsonAsync(ItemListQuery query, Guid ownerId, CancellationToken cancellationToken)
    {
        var view = query.View;
        var (cached, version) = await cache.ReadAsync(ownerId, view);
        if (cached is not null)
        {
            return cached;
        }

        var now = time.GetUtcNow();
        var items = query.Apply(db.Items.AsNoTracking().Where(i => i.UserId == ownerId));
        var total = await items.CountAsync(cancellationToken);
        var page = await items
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((query.PageNumber - 1) * query.Size)
            .Take(query.Size)
            .ToListAsync(cancellationToken);
        var listings = await db.ActiveListingsAsync(ownerId, page.Select(i => i.Id), cancellationToken);
        var byItem = listings.ToDictionary(l => l.ItemId, l => ItemListingResponse.From(l, now));
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new ItemPage(page.Select(i => ItemResponse.From(i, byItem)).ToList(), total, query.PageNumber, query.Size), json.Value.SerializerOptions);

        if (version is { } readBefore)
        {
            // A listing shown as reserved turns active again when its reservation ends, with nothing written.
            var changesAt = listings.Select(l => l.PublicStatusExpiresAt(now)).Min() ?? DateTimeOffset.MaxValue;
            cache.Store(ownerId, readBefore, view, body, changesAt - now);
        }

        return body;
    }
}

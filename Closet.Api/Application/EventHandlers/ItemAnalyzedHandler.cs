using ClosetConnect.ServiceDefaults.Storage;

namespace ClosetConnect.Closet.Application.EventHandlers;

public sealed class ItemAnalyzedHandler(ClosetDbContext db, IBlobStore blobs, TimeProvider time, ILogger<ItemAnalyzedHandler> logger)
    : IIntegrationEventHandler<ItemAnalyzedEvent>
{
    public async Task HandleAsync(ItemAnalyzedEvent integrationEvent, CancellationToken cancellationToken)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == integrationEvent.ItemId, cancellationToken);
        if (item is null)
        {
            // The item (or its owner's account) was deleted meanwhile: the derived images belong to nobody, remove them.
            foreach (var key in new[] { integrationEvent.CutoutKey, integrationEvent.MaskKey }.OfType<string>())
            {
                await blobs.DeleteAsync(key, cancellationToken);
            }

            logger.LogInformation("Item {ItemId} was deleted before its analysis arrived; removed its derived images", integrationEvent.ItemId);
            return;
        }

        var category = integrationEvent.Category is { } suggested && Categories.All.Contains(suggested) ? suggested : null;
        var colors = integrationEvent.Colors.Select((c, rank) => new ItemColor(rank, c.Hex.ToLowerInvariant(), c.Name.ToLowerInvariant(), Math.Round(c.Share, 4)));
        item.CompleteAnalysis(category, colors, integrationEvent.CutoutKey, integrationEvent.MaskKey, integrationEvent.ModelVersion, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}

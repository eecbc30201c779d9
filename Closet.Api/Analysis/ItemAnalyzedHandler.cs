using ClosetConnect.Closet.Infrastructure;
using ClosetConnect.Contracts;

namespace ClosetConnect.Closet.Analysis;

/// <summary>
/// Records what Vision found in the photo and makes the item ready. An analysis of an item that was deleted (or whose
/// owner's account was erased) meanwhile records nothing, and the cut-out and mask the worker wrote go with the item's
/// folder.
/// </summary>
public sealed class ItemAnalyzedHandler(ClosetDbContext db, BlobDeletionAfterCommit deletions, TimeProvider time, ILogger<ItemAnalyzedHandler> logger)
    : IIntegrationEventHandler<ItemAnalyzedEvent>
{
    public async Task HandleAsync(ItemAnalyzedEvent integrationEvent, CancellationToken cancellationToken)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == integrationEvent.ItemId, cancellationToken);
        if (item is null)
        {
            // Whatever the worker wrote for it, before or after its folder was deleted, goes; only keys in that item's folder count.
            var folder = new[] { integrationEvent.CutoutKey, integrationEvent.MaskKey }.OfType<string>()
                .Select(key => ClosetItem.FolderOfKey(integrationEvent.ItemId, key))
                .FirstOrDefault(f => f is not null);
            if (folder is not null)
            {
                deletions.DeleteAfterCommit(db, folder);
            }

            logger.LogInformation("Item {ItemId} was deleted before its analysis arrived; deleting what the worker wrote for it", integrationEvent.ItemId);
            return;
        }

        var category = integrationEvent.Category is { } suggested && GarmentCategories.All.Contains(suggested) ? suggested : null;
        var colors = integrationEvent.Colors.Select((c, rank) => new ItemColor(rank, c.Hex.ToLowerInvariant(), c.Name.ToLowerInvariant(), Math.Round(c.Share, 4)));
        item.CompleteAnalysis(category, colors, integrationEvent.CutoutKey, integrationEvent.MaskKey, integrationEvent.ModelVersion, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}

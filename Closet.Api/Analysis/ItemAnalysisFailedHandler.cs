namespace ClosetConnect.Closet.Analysis;

/// <summary>
/// Marks the item failed with the worker's reason. A failure never undoes an analysis already recorded: a redelivered
/// upload that finds its photo gone (the item was sold and its images moved) reports one after the success.
/// </summary>
public sealed class ItemAnalysisFailedHandler(ClosetDbContext db, TimeProvider time, ILogger<ItemAnalysisFailedHandler> logger)
    : IIntegrationEventHandler<ItemAnalysisFailedEvent>
{
    public async Task HandleAsync(ItemAnalysisFailedEvent integrationEvent, CancellationToken cancellationToken)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == integrationEvent.ItemId, cancellationToken);
        if (item is null || item.Status == ItemStatus.Ready)
        {
            logger.LogInformation("Ignoring the failed analysis of item {ItemId}: {State}", integrationEvent.ItemId, item is null ? "the item was deleted" : "it is analysed already");
            return;
        }

        item.FailAnalysis(integrationEvent.Reason, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Analysis of item {ItemId} failed: {Reason}", item.Id, integrationEvent.Reason);
    }
}

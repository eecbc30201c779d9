namespace ClosetConnect.Closet.Application.EventHandlers;

public sealed class ItemAnalysisFailedHandler(ClosetDbContext db, TimeProvider time, ILogger<ItemAnalysisFailedHandler> logger)
    : IIntegrationEventHandler<ItemAnalysisFailedEvent>
{
    public async Task HandleAsync(ItemAnalysisFailedEvent integrationEvent, CancellationToken cancellationToken)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == integrationEvent.ItemId, cancellationToken);
        if (item is null)
        {
            return;
        }

        item.FailAnalysis(integrationEvent.Reason, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Analysis of item {ItemId} failed: {Reason}", item.Id, integrationEvent.Reason);
    }
}

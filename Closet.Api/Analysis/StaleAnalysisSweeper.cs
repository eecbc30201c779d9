using ClosetConnect.Closet.Infrastructure.Caching;

namespace ClosetConnect.Closet.Analysis;

/// <summary>
/// No item stays "processing" forever: if its analysis never arrives (the vision event went to a dead-letter queue,
/// the worker has no model for hours), the item turns failed with a reason the owner can act on. A result that still
/// arrives later makes it ready after all.
/// </summary>
public sealed class StaleAnalysisSweeper(
    IServiceScopeFactory scopes,
    IOptions<AnalysisOptions> options,
    TimeProvider time,
    ILogger<StaleAnalysisSweeper> logger) : BackgroundService
{
    public const string TimedOutReason = "The photo was not analysed in time. Delete the item and upload it again.";
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Sweeping items whose analysis timed out failed; trying again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        // A background sweep every minute: no traces of its own.
        using var quiet = OpenTelemetry.SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClosetDbContext>();
        var now = time.GetUtcNow();
        var overdue = now - options.Value.Timeout;
        var stale = db.Items.Where(i => i.Status == ItemStatus.Processing && i.CreatedAt < overdue);
        var owners = await stale.Select(i => i.UserId).Distinct().ToListAsync(cancellationToken);
        if (owners.Count == 0)
        {
            return 0;
        }

        var failed = await stale
            .ExecuteUpdateAsync(i => i
                .SetProperty(x => x.Status, ItemStatus.Failed)
                .SetProperty(x => x.FailureReason, TimedOutReason)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ItemListCacheInvalidation>().InvalidateAfterCommitAsync(db, owners);
        if (failed > 0)
        {
            logger.LogWarning("{Count} items waited over {Timeout} for their analysis and are now failed", failed, options.Value.Timeout);
        }

        return failed;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace ClosetConnect.ServiceDefaults.EventBus.Outbox;

/// <summary>
/// Drains the outbox until every row is published: woken by each commit that adds rows, and sweeping every
/// <see cref="EventBusOptions.OutboxPollInterval"/> for rows left behind (broker down, crash after commit).
/// Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so replicas of a service never publish the same row at once.
/// Delivery is at least once; consumers' inboxes make it effectively once.
/// </summary>
internal sealed class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IEventPublisher publisher,
    OutboxSignal signal,
    IOptions<EventBusOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batchSize = options.Value.OutboxBatchSize;
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await PublishPendingAsync(stoppingToken);
                await PruneIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox relay pass failed; retrying at the next sweep");
            }

            if (published < batchSize)
            {
                await signal.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of due rows; returns how many were published.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = context.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            // The relay's own database work every few seconds would bury real traces: only the publish spans (children
            // of the request that raised each event) are traced.
            using var quiet = SuppressInstrumentationScope.Begin();
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var due = await context.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM `OutboxMessages`
                    WHERE `PublishedAt` IS NULL AND (`NextAttemptAt` IS NULL OR `NextAttemptAt` <= {now.UtcDateTime})
                    ORDER BY `OccurredAt`
                    LIMIT {options.Value.OutboxBatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            var published = 0;
            foreach (var message in due)
            {
                try
                {
                    using var traced = SuppressInstrumentationScope.Begin(false);
                    await publisher.PublishAsync(message.ToOutgoing(), ct);
                    message.MarkPublished(time.GetUtcNow());
                    published++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, message.Attempts)));
                    message.MarkFailed(ex.Message, time.GetUtcNow() + backoff);
                    logger.LogWarning("Could not publish {EventName} {MessageId} (attempt {Attempt}): {Reason}",
                        message.EventName, message.Id, message.Attempts, ex.Message);
                    // The broker is likely down: leave the rest of the batch for the next pass.
                    break;
                }
            }

            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return published;
        }, cancellationToken);
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now + PruneInterval;
        var cutoff = now - options.Value.MessageRetention;
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var outbox = await context.Set<OutboxMessage>().Where(m => m.PublishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var inbox = await context.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (outbox + inbox > 0)
        {
            logger.LogInformation("Pruned {Outbox} published outbox rows and {Inbox} inbox ids older than {Cutoff}", outbox, inbox, cutoff);
        }
    }
}

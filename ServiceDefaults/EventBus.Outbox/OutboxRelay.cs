using System.Data;
using System.Diagnostics.Metrics;
using ClosetConnect.EventBus.Topology;
using ClosetConnect.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace ClosetConnect.EventBus.Outbox;

/// <summary>
/// Drains the outbox until every row is published: woken by each commit that adds rows, and sweeping every
/// <see cref="EventBusOptions.OutboxPollInterval"/> for rows left behind (broker down, crash after commit).
/// A pass claims a batch in a short READ COMMITTED transaction (<c>FOR UPDATE SKIP LOCKED</c>, so replicas never take
/// the same rows, and no gap locks that would hold up the services' own inserts), then publishes outside any
/// transaction. A claim is a lease: rows of a relay that died mid-batch are due again when it ends. Delivery is at
/// least once; consumers' inboxes make it effectively once. A row the broker keeps refusing is parked.
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
    private static readonly Counter<long> Published = Instrumentation.Meter.CreateCounter<long>(
        "closetconnect.outbox.published", description: "Outbox rows published.");
    private static readonly Counter<long> Failures = Instrumentation.Meter.CreateCounter<long>(
        "closetconnect.outbox.publish_failures", description: "Failed publishes of outbox rows, by whether the broker refused the message or was unavailable.");
    private static readonly Counter<long> Parked = Instrumentation.Meter.CreateCounter<long>(
        "closetconnect.outbox.parked", description: "Outbox rows the relay gave up on; they wait for an operator.");

    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    private TimeSpan ClaimLease => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, options.Value.PublishTimeout.Ticks * 3));

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
        // The relay's own database work every few seconds would bury real traces: only the publish spans (children
        // of the request that raised each event) are traced.
        using var quiet = SuppressInstrumentationScope.Begin();
        var due = await ClaimDueAsync(context, cancellationToken);
        var published = 0;
        for (var i = 0; i < due.Count; i++)
        {
            var message = due[i];
            try
            {
                using var traced = SuppressInstrumentationScope.Begin(false);
                await publisher.PublishAsync(message.ToOutgoing(), cancellationToken);
                message.MarkPublished(time.GetUtcNow());
                Published.Add(1);
                published++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var refused = ex is PublishRefusedException or UndeclaredEventException;
                Failures.Add(1, new KeyValuePair<string, object?>("reason", refused ? "refused" : "unavailable"));
                var now = time.GetUtcNow();
                var retryAt = now + TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, message.Attempts)));
                if (message.MarkFailed(ex.Message, refused, options.Value.OutboxMaxRefusals, now, retryAt))
                {
                    Parked.Add(1);
                    logger.LogError(ex, "Parked outbox row {EventName} {MessageId} after {Refusals} refusals; it will not be retried",
                        message.EventName, message.Id, message.Refusals);
                }
                else
                {
                    logger.LogWarning("Could not publish {EventName} {MessageId} (attempt {Attempt}): {Reason}",
                        message.EventName, message.Id, message.Attempts, ex.Message);
                }

                // The broker is likely down or blocking: the rest of the batch waits as long as this row.
                foreach (var waiting in due.Skip(i + 1))
                {
                    waiting.Claim(retryAt);
                }

                break;
            }
        }

        await context.SaveChangesAsync(CancellationToken.None);
        return published;
    }

    /// <summary>Leases a batch of due rows to this relay, in a transaction that ends before anything is published.</summary>
    private async Task<List<OutboxMessage>> ClaimDueAsync(TDbContext context, CancellationToken cancellationToken)
    {
        var strategy = context.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var now = time.GetUtcNow();
            var due = await context.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM `OutboxMessages`
                    WHERE `PublishedAt` IS NULL AND `ParkedAt` IS NULL
                      AND (`NextAttemptAt` IS NULL OR `NextAttemptAt` <= {now.UtcDateTime})
                    ORDER BY `OccurredAt`
                    LIMIT {options.Value.OutboxBatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            foreach (var message in due)
            {
                message.Claim(now + ClaimLease);
            }

            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return due;
        }, cancellationToken);
    }

    /// <summary>Deletes old published rows and inbox ids; a database lock lets one replica at a time do it.</summary>
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
        await context.Database.OpenConnectionAsync(cancellationToken);
        var lockName = $"closetconnect.outbox-prune.{context.Database.GetDbConnection().Database}";
        if (await context.Database.SqlQuery<int?>($"SELECT GET_LOCK({lockName}, 0) AS `Value`").SingleAsync(cancellationToken) != 1)
        {
            return;
        }

        try
        {
            var outbox = await context.Set<OutboxMessage>().Where(m => m.PublishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            var inbox = await context.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            if (outbox + inbox > 0)
            {
                logger.LogInformation("Pruned {Outbox} published outbox rows and {Inbox} inbox ids older than {Cutoff}", outbox, inbox, cutoff);
            }
        }
        finally
        {
            await context.Database.SqlQuery<int?>($"SELECT RELEASE_LOCK({lockName}) AS `Value`").SingleAsync(CancellationToken.None);
        }
    }
}

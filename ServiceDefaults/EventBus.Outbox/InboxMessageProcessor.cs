using ClosetConnect.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.EventBus.Outbox;

/// <summary>
/// Runs a handler at most once per message id: the inbox row, the handler's changes and any events it raises
/// commit in one transaction, tried once per delivery. A concurrent duplicate loses on the inbox primary key; its
/// redelivery is then skipped.
/// </summary>
internal sealed class InboxMessageProcessor<TDbContext>(
    TDbContext context,
    OutboxSignal outboxSignal,
    TimeProvider time,
    ILogger<InboxMessageProcessor<TDbContext>> logger) : IMessageProcessor where TDbContext : DbContext
{
    public async Task ProcessAsync(IntegrationEvent integrationEvent, string eventName, Func<CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var processed = await new SingleAttemptExecutionStrategy(context).ExecuteAsync(async ct =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            if (await context.Set<InboxMessage>().AnyAsync(m => m.MessageId == integrationEvent.Id, ct))
            {
                return false;
            }

            context.Set<InboxMessage>().Add(new InboxMessage(integrationEvent.Id, eventName, time.GetUtcNow()));
            await handle(ct);
            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        if (processed)
        {
            // Events the handler raised are committed now; the save-time signal came before the commit.
            outboxSignal.Notify();
        }
        else
        {
            logger.LogInformation("Skipping {EventName} {MessageId}: already processed", eventName, integrationEvent.Id);
        }
    }
}

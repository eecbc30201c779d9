using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClosetConnect.EventBus.Outbox;

/// <summary>
/// Runs a message's transaction once. Redelivery through the delay queues is the bus's one retry layer; the context's
/// own retrying strategy inside it would hold a consumer for minutes per message while a database is down.
/// </summary>
internal sealed class SingleAttemptExecutionStrategy(DbContext context) : ExecutionStrategy(context, maxRetryCount: 0, maxRetryDelay: TimeSpan.Zero)
{
    protected override bool ShouldRetryOn(Exception exception) => false;
}

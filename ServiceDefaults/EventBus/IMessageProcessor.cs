using ClosetConnect.Contracts.Events;

namespace ClosetConnect.EventBus;

/// <summary>
/// Wraps a handler's run. The default runs it as is; with an inbox (<c>AddInbox&lt;TDbContext&gt;()</c>), a message
/// already processed is skipped and the handler's changes commit together with the message id.
/// </summary>
public interface IMessageProcessor
{
    Task ProcessAsync(IntegrationEvent integrationEvent, string eventName, Func<CancellationToken, Task> handle, CancellationToken cancellationToken);
}

internal sealed class DirectMessageProcessor : IMessageProcessor
{
    public Task ProcessAsync(IntegrationEvent integrationEvent, string eventName, Func<CancellationToken, Task> handle, CancellationToken cancellationToken) =>
        handle(cancellationToken);
}

using ClosetConnect.Contracts.Events;

namespace ClosetConnect.EventBus;

/// <summary>
/// Handles one event type. Runs in its own DI scope; with an inbox, inside the transaction that records the message
/// as processed, so its database changes and the inbox row commit together. Throwing means "retry, then dead-letter".
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

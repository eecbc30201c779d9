using ClosetConnect.Contracts.Events;

namespace ClosetConnect.EventBus;

/// <summary>
/// Puts one message on the exchange and returns once the broker has confirmed it. Services with a database never call
/// this directly: they add the event to their outbox, and the outbox relay publishes it after the commit.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Publishes with the current trace context and baggage.</summary>
    Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken);

    Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// An event already serialized (an outbox row), with the trace context and baggage of the request that raised it, as
/// the W3C headers that carry them.
/// </summary>
public sealed record OutgoingMessage(Guid Id, string EventName, ReadOnlyMemory<byte> Body, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, string> TraceContext);

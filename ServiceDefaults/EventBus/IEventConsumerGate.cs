namespace ClosetConnect.EventBus;

/// <summary>
/// Optional: holds the consumer back until the service can really handle messages (Vision.Worker waits for a usable
/// model). Until then the messages stay in the queue instead of failing into the dead-letter queue.
/// </summary>
public interface IEventConsumerGate
{
    Task WaitUntilOpenAsync(CancellationToken cancellationToken);
}

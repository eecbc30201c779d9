namespace ClosetConnect.EventBus.Outbox;

/// <summary>The id of a message this service has processed; a redelivery with the same id has no second effect.</summary>
public sealed class InboxMessage(Guid messageId, string eventName, DateTimeOffset processedAt)
{
    public Guid MessageId { get; private set; } = messageId;

    public string EventName { get; private set; } = eventName;

    public DateTimeOffset ProcessedAt { get; private set; } = processedAt;
}

namespace ClosetConnect.ServiceDefaults.EventBus.Outbox;

/// <summary>An event waiting to be published; it is written in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public string EventName { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    public string? TraceParent { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent) => new()
    {
        Id = integrationEvent.Id,
        EventName = EventNames.Of(integrationEvent.GetType()),
        Payload = System.Text.Encoding.UTF8.GetString(EventSerializer.Serialize(integrationEvent)),
        TraceParent = integrationEvent.TraceParent,
        OccurredAt = integrationEvent.OccurredAt,
    };

    public OutgoingMessage ToOutgoing() =>
        new(Id, EventName, System.Text.Encoding.UTF8.GetBytes(Payload), OccurredAt, TraceParent);

    public void MarkPublished(DateTimeOffset now)
    {
        PublishedAt = now;
        Attempts++;
        LastError = null;
    }

    public void MarkFailed(string error, DateTimeOffset nextAttemptAt)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = nextAttemptAt;
    }
}

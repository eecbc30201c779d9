using System.Text;
using System.Text.Json;
using ClosetConnect.Contracts.Events;

namespace ClosetConnect.EventBus.Outbox;

/// <summary>An event waiting to be published; it is written in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public string EventName { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    /// <summary>The W3C trace context and baggage headers of the request that raised the event, as JSON.</summary>
    public string? TraceContext { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Times the broker refused the message itself; outages do not count.</summary>
    public int Refusals { get; private set; }

    /// <summary>The relay is not due to try before this: a backoff, or a claim by a relay that is publishing it now.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Set when the relay gave up on the row; it stays for an operator to look at.</summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent, IReadOnlyDictionary<string, string> traceContext) => new()
    {
        Id = integrationEvent.Id,
        EventName = EventNames.Of(integrationEvent.GetType()),
        Payload = Encoding.UTF8.GetString(EventSerializer.Serialize(integrationEvent)),
        TraceContext = traceContext.Count > 0 ? JsonSerializer.Serialize(traceContext) : null,
        OccurredAt = integrationEvent.OccurredAt,
    };

    public OutgoingMessage ToOutgoing() =>
        new(Id, EventName, Encoding.UTF8.GetBytes(Payload), OccurredAt,
            TraceContext is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(TraceContext)!);

    public void Claim(DateTimeOffset until) => NextAttemptAt = until;

    public void MarkPublished(DateTimeOffset now)
    {
        PublishedAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>A failed try; returns whether the row is now parked (refused <paramref name="maxRefusals"/> times).</summary>
    public bool MarkFailed(string error, bool refused, int maxRefusals, DateTimeOffset now, DateTimeOffset nextAttemptAt)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = nextAttemptAt;
        if (refused && ++Refusals >= maxRefusals)
        {
            ParkedAt = now;
        }

        return ParkedAt is not null;
    }
}

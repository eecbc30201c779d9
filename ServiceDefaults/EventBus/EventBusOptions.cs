using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.EventBus;

public sealed class EventBusOptions
{
    public const string SectionName = "EventBus";

    [Required]
    public string ExchangeName { get; set; } = "closetconnect.events";

    /// <summary>The name the event catalogue's <c>[ConsumedBy]</c> knows this service by; defaults to OTEL_SERVICE_NAME.</summary>
    [Required]
    public string ConsumerName { get; set; } = string.Empty;

    /// <summary>Put before every queue name: lets a test share a broker without touching the system's queues.</summary>
    public string QueuePrefix { get; set; } = string.Empty;

    /// <summary>This service's own queue.</summary>
    public string QueueName => QueueOf(ConsumerName);

    public string QueueOf(string consumerName) => QueuePrefix + consumerName;

    [Required]
    public string DeadLetterExchangeName { get; set; } = "closetconnect.dead-letter";

    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 16;

    /// <summary>How many messages this service handles at once.</summary>
    [Range(1, 256)]
    public int ConsumerConcurrency { get; set; } = 4;

    /// <summary>
    /// Handler runs of one message before it goes to the dead-letter queue. Between runs the message waits in a delay
    /// queue (<see cref="RedeliveryDelays"/>), so a database outage of minutes does not dead-letter everything.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// The wait before the n-th redelivery; the last one repeats. Empty means 1 s, 5 s, 30 s, 2 min (a configured
    /// array would be appended to a default one, so the default is applied after binding).
    /// </summary>
    public TimeSpan[] RedeliveryDelays { get; set; } = [];

    internal static readonly TimeSpan[] DefaultRedeliveryDelays =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    public TimeSpan RedeliveryDelay(int attempt) => RedeliveryDelays[Math.Min(attempt, RedeliveryDelays.Length) - 1];

    /// <summary>How long a publish may wait for the broker's confirm (a blocked or half-open connection never answers).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The outbox relay wakes at once after a commit; this is the fallback sweep.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 1000)]
    public int OutboxBatchSize { get; set; } = 50;

    /// <summary>
    /// Times the broker may refuse an outbox row (unroutable, nacked, not in the catalogue) before the relay parks it:
    /// it stops trying, logs an error and reports the outbox degraded. Broker outages do not count.
    /// </summary>
    [Range(1, 1000)]
    public int OutboxMaxRefusals { get; set; } = 10;

    /// <summary>An unpublished row older than this makes the outbox health check degraded.</summary>
    public TimeSpan OutboxAlertAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long published outbox rows and processed inbox ids are kept.</summary>
    public TimeSpan MessageRetention { get; set; } = TimeSpan.FromDays(7);
}

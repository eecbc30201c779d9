using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.ServiceDefaults.EventBus;

public sealed class EventBusOptions
{
    public const string SectionName = "EventBus";

    [Required]
    public string ExchangeName { get; set; } = "closetconnect.events";

    /// <summary>The service's own durable queue; defaults to the service name (OTEL_SERVICE_NAME).</summary>
    [Required]
    public string QueueName { get; set; } = string.Empty;

    [Required]
    public string DeadLetterExchangeName { get; set; } = "closetconnect.dead-letter";

    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 16;

    /// <summary>How many messages this service handles at once.</summary>
    [Range(1, 256)]
    public int ConsumerConcurrency { get; set; } = 4;

    /// <summary>Retries of a failing handler before its message goes to the dead-letter queue.</summary>
    [Range(0, 20)]
    public int RetryCount { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The outbox relay wakes at once after a commit; this is the fallback sweep.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 1000)]
    public int OutboxBatchSize { get; set; } = 50;

    /// <summary>How long published outbox rows and processed inbox ids are kept.</summary>
    public TimeSpan MessageRetention { get; set; } = TimeSpan.FromDays(7);

    public string DeadLetterQueueName => $"{QueueName}.dead-letter";
}

using ClosetConnect.EventBus.Topology;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ClosetConnect.EventBus.RabbitMQ;

/// <summary>
/// The broker objects of the <see cref="EventTopology"/>: the topic exchange, one quorum queue per consumer bound to
/// the events it consumes, and its dead-letter queue. Declaring is idempotent, so every service declares all of it.
/// </summary>
internal static class RabbitMQTopology
{
    /// <summary>
    /// Deliveries of one message to consumers that died (or lost their channel) before acking it; then the broker
    /// dead-letters it. Handler failures are counted by the consumer instead (<see cref="EventBusOptions.MaxAttempts"/>).
    /// Every service declares the queues, so this is part of the contract, not a setting.
    /// </summary>
    public const int DeliveryLimit = 5;

    private const int PreconditionFailed = 406;

    public static string DeadLetterQueue(string queue) => $"{queue}.dead-letter";

    /// <summary>A consumer's delay queue: messages wait there <paramref name="delay"/>, then go back to the queue.</summary>
    public static string RedeliveryQueue(string queue, TimeSpan delay) => $"{queue}.redelivery.{(long)delay.TotalMilliseconds}ms";

    public static async Task DeclareAsync(IConnection connection, EventBusOptions options, EventTopology topology, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(options.ExchangeName, ExchangeType.Topic, durable: true, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(options.DeadLetterExchangeName, ExchangeType.Direct, durable: true, cancellationToken: cancellationToken);
        foreach (var consumer in topology.Consumers)
        {
            var queue = options.QueueOf(consumer);
            await channel.QueueDeclareAsync(DeadLetterQueue(queue), durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(DeadLetterQueue(queue), options.DeadLetterExchangeName, queue, cancellationToken: cancellationToken);
            await DeclareConsumerQueueAsync(connection, queue, options, cancellationToken);
            foreach (var eventName in topology.EventsConsumedBy(consumer))
            {
                await channel.QueueBindAsync(queue, options.ExchangeName, eventName, cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>One delay queue per <see cref="EventBusOptions.RedeliveryDelays"/> entry; only the consumer uses them.</summary>
    public static async Task DeclareRedeliveryQueuesAsync(IConnection connection, string queue, IEnumerable<TimeSpan> delays, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var delay in delays.Distinct())
        {
            // Expired messages go through the default exchange straight back to the consumer's queue.
            await channel.QueueDeclareAsync(RedeliveryQueue(queue, delay), durable: true, exclusive: false, autoDelete: false,
                new Dictionary<string, object?>
                {
                    ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                    ["x-dead-letter-exchange"] = string.Empty,
                    ["x-dead-letter-routing-key"] = queue,
                },
                cancellationToken: cancellationToken);
        }
    }

    private static async Task DeclareConsumerQueueAsync(IConnection connection, string queue, EventBusOptions options, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = DeliveryLimit,
            ["x-dead-letter-exchange"] = options.DeadLetterExchangeName,
            ["x-dead-letter-routing-key"] = queue,
        };
        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
        {
            // The queue exists with other arguments: a classic queue from before quorum queues. Replace it only if it is
            // empty, so no message is lost; the broker refuses the delete otherwise.
            try
            {
                await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: true, cancellationToken: cancellationToken);
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
            }
            catch (OperationInterruptedException inner) when (inner.ShutdownReason?.ReplyCode == PreconditionFailed)
            {
                throw new InvalidOperationException(
                    $"Queue '{queue}' exists with other arguments than {string.Join(", ", arguments.Keys)} and still holds messages. " +
                    $"Let its consumer drain it (or move its messages), then delete it: the next start declares it anew.", inner);
            }
        }
    }
}

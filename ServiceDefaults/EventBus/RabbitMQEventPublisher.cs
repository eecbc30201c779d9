using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace ClosetConnect.ServiceDefaults.EventBus;

/// <summary>
/// Publishes on one channel with publisher confirms and <c>mandatory</c>: the call returns only when the broker has
/// the message, and throws when it was nacked or routed to no queue (its consumer has not declared it yet), so the
/// outbox keeps the row and tries again.
/// </summary>
internal sealed class RabbitMQEventPublisher(
    IConnection connection,
    IOptions<EventBusOptions> options,
    ILogger<RabbitMQEventPublisher> logger) : IEventPublisher, IAsyncDisposable
{
    private readonly SemaphoreSlim _channelGate = new(1, 1);
    private IChannel? _channel;

    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        PublishAsync(
            new OutgoingMessage(
                integrationEvent.Id,
                EventNames.Of(integrationEvent.GetType()),
                EventSerializer.Serialize(integrationEvent),
                integrationEvent.OccurredAt,
                integrationEvent.TraceParent),
            cancellationToken);

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var exchange = options.Value.ExchangeName;
        using var activity = MessageTracing.StartPublish(message.EventName, exchange, message.Id, message.TraceParent);

        var properties = new BasicProperties
        {
            MessageId = message.Id.ToString(),
            Type = message.EventName,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(message.OccurredAt.ToUnixTimeSeconds()),
            Headers = new Dictionary<string, object?>(),
        };
        MessageTracing.Inject(activity, message.TraceParent, properties.Headers);

        await _channelGate.WaitAsync(cancellationToken);
        try
        {
            var channel = await GetChannelAsync(cancellationToken);
            await channel.BasicPublishAsync(exchange, message.EventName, mandatory: true, properties, message.Body, cancellationToken);
        }
        finally
        {
            _channelGate.Release();
        }

        logger.LogDebug("Published {EventName} {MessageId}", message.EventName, message.Id);
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        _channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        await _channel.ExchangeDeclareAsync(options.Value.ExchangeName, ExchangeType.Topic, durable: true, cancellationToken: cancellationToken);
        return _channel;
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        _channelGate.Dispose();
    }
}

using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus.Topology;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace ClosetConnect.EventBus.RabbitMQ;

/// <summary>
/// Publishes on a connection of its own: in a resource alarm RabbitMQ blocks connections that publish, and the
/// consumer's acks must not wait behind it. One channel, publisher confirms and <c>mandatory</c>: a call returns only
/// when the broker has the message, and throws when it was refused or not confirmed within
/// <see cref="EventBusOptions.PublishTimeout"/>, so the outbox keeps the row. Before its first publish (and after a
/// reconnect) it declares the whole <see cref="EventTopology"/>, so every consumer's queue exists.
/// </summary>
internal sealed class RabbitMQEventPublisher(
    IConnectionFactory connectionFactory,
    IOptions<EventBusOptions> options,
    IOptions<EventTopology> topology,
    ILogger<RabbitMQEventPublisher> logger) : IEventPublisher, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;
    private volatile bool _topologyDeclared;

    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        PublishAsync(
            new OutgoingMessage(
                integrationEvent.Id,
                EventNames.Of(integrationEvent.GetType()),
                EventSerializer.Serialize(integrationEvent),
                integrationEvent.OccurredAt,
                MessageTracing.Capture()),
            cancellationToken);

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        // Fails loudly for an event nobody is declared to consume, instead of letting the broker drop it.
        topology.Value.ConsumersOf(message.EventName);
        var exchange = options.Value.ExchangeName;
        using var activity = RabbitMQTracing.StartPublish(message, exchange);
        var properties = new BasicProperties
        {
            MessageId = message.Id.ToString(),
            Type = message.EventName,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(message.OccurredAt.ToUnixTimeSeconds()),
            Headers = new Dictionary<string, object?>(),
        };
        RabbitMQTracing.Inject(activity, message, properties.Headers);
        await SendAsync(exchange, message.EventName, properties, message.Body, cancellationToken);
        logger.LogDebug("Published {EventName} {MessageId}", message.EventName, message.Id);
    }

    /// <summary>
    /// Sends a received message on, unchanged but for <paramref name="headers"/>: to a delay queue (through the default
    /// exchange) or to the dead-letter exchange.
    /// </summary>
    public Task ForwardAsync(string exchange, string routingKey, string eventName, BasicDeliverEventArgs delivery, IReadOnlyDictionary<string, object?> headers, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, object?>(delivery.BasicProperties.Headers ?? new Dictionary<string, object?>());
        foreach (var (key, value) in headers)
        {
            merged[key] = value;
        }

        // The routing key changes on the way; Type keeps the event's name.
        var properties = new BasicProperties(delivery.BasicProperties) { Type = eventName, Headers = merged };
        return SendAsync(exchange, routingKey, properties, delivery.Body, cancellationToken);
    }

    private async Task SendAsync(string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        // Whoever holds the gate is bounded: connecting and declaring by the client's own timeouts, the confirm below.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var channel = await GetChannelAsync(cancellationToken);
            using var confirm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            confirm.CancelAfter(options.Value.PublishTimeout);
            await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body, confirm.Token);
        }
        catch (PublishException ex)
        {
            if (ex.IsReturn)
            {
                // No queue took it: someone deleted a queue or the broker lost its data. Declare everything again next time.
                _topologyDeclared = false;
            }
            throw new PublishRefusedException(ex.Message, ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The channel stays: the client forgets the cancelled confirm, and heartbeats find a half-open connection.
            throw new TimeoutException(
                $"The broker did not confirm {routingKey} within {options.Value.PublishTimeout.TotalSeconds:0.#} s " +
                "(publishing blocked by a resource alarm, or the connection is half-open).");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var connection = await connectionFactory.CreateConnectionAsync($"{connectionFactory.ClientProvidedName}-publisher", cancellationToken);
            connection.RecoverySucceededAsync += (_, _) =>
            {
                _topologyDeclared = false;
                return Task.CompletedTask;
            };
            connection.ConnectionBlockedAsync += (_, blocked) =>
            {
                logger.LogWarning("The broker blocks publishing ({Reason}); events wait in the outbox", blocked.Reason);
                return Task.CompletedTask;
            };
            connection.ConnectionUnblockedAsync += (_, _) =>
            {
                logger.LogInformation("The broker accepts publishing again");
                return Task.CompletedTask;
            };
            _connection = connection;
        }

        if (!_topologyDeclared)
        {
            await RabbitMQTopology.DeclareAsync(_connection, options.Value, topology.Value, cancellationToken);
            _topologyDeclared = true;
        }

        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await CloseChannelAsync();
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        return _channel;
    }

    private async Task CloseChannelAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
            _channel = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseChannelAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}

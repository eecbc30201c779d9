using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus.Topology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ClosetConnect.EventBus.RabbitMQ;

/// <summary>
/// Consumes the service's quorum queue with manual acks; a message is acked only after its handler (and the inbox
/// commit) succeeded. Every handler run is one attempt: a failed one sends the message round a delay queue
/// (<see cref="EventBusOptions.RedeliveryDelays"/>) and, after <see cref="EventBusOptions.MaxAttempts"/>, to the
/// dead-letter queue with the error in its headers. A message whose consumer dies holding it is redelivered by the
/// broker up to <see cref="RabbitMQTopology.DeliveryLimit"/> times. An event this version has no handler for (a newer
/// replica bound it during a rolling deploy) is delayed for the replicas that do, like a failure. When the broker
/// closes the channel or cancels the consumer, the consumer starts again; <see cref="EventConsumerHealth"/> says when
/// it is down.
/// </summary>
internal sealed class RabbitMQEventConsumer(
    IServiceProvider services,
    RabbitMQEventPublisher publisher,
    EventConsumerHealth health,
    IOptions<EventBusOptions> options,
    IOptions<EventBusSubscriptions> subscriptions,
    IOptions<EventTopology> topology,
    ILogger<RabbitMQEventConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);

    private readonly EventBusOptions _options = options.Value;

    private string Queue => _options.QueueName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (subscriptions.Value.ByName.Count == 0)
        {
            health.Idle();
            return;
        }

        EnsureDeclaredConsumer();
        var connection = services.GetRequiredService<IConnection>();
        var gateOpened = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RabbitMQTopology.DeclareAsync(connection, _options, topology.Value, stoppingToken);
                await RabbitMQTopology.DeclareRedeliveryQueuesAsync(connection, Queue, _options.RedeliveryDelays, stoppingToken);
                if (!gateOpened && services.GetService<IEventConsumerGate>() is { } gate)
                {
                    // The queue exists (publishers can deliver), but nothing is taken from it until the gate opens.
                    health.Lost("waiting for the service to be ready to handle messages");
                    await gate.WaitUntilOpenAsync(stoppingToken);
                }

                gateOpened = true;
                var reason = await ConsumeUntilLostAsync(connection, stoppingToken);
                health.Lost(reason);
                logger.LogWarning("Consumer of {Queue} lost: {Reason}; starting it again", Queue, reason);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                health.Lost(ex.Message);
                logger.LogWarning(ex, "Could not consume {Queue}; trying again in {Delay}", Queue, RestartDelay);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: unacked messages go back to the queue when the channel closes.
                return;
            }

            await Task.Delay(RestartDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>A subscription the catalogue does not route here would never receive a message: refuse to start.</summary>
    private void EnsureDeclaredConsumer()
    {
        var consumer = _options.ConsumerName;
        var routedHere = topology.Value.EventsConsumedBy(consumer).ToHashSet(StringComparer.Ordinal);
        var missing = subscriptions.Value.ByName.Keys.Where(name => !routedHere.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{consumer} subscribes to {string.Join(", ", missing)}, but their [ConsumedBy] does not list '{consumer}'.");
        }
    }

    /// <summary>Consumes on a fresh channel; returns why the channel or the consumer was lost.</summary>
    private async Task<string> ConsumeUntilLostAsync(IConnection connection, CancellationToken stoppingToken)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)_options.ConsumerConcurrency),
            stoppingToken);
        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A channel lost with its connection is replaced here too, once the client has reconnected.
        channel.ChannelShutdownAsync += (_, shutdown) =>
        {
            lost.TrySetResult($"channel closed ({shutdown.Initiator}: {shutdown.ReplyCode} {shutdown.ReplyText})");
            return Task.CompletedTask;
        };
        await channel.BasicQosAsync(0, (ushort)_options.PrefetchCount, global: false, stoppingToken);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(channel, delivery, stoppingToken);
        consumer.UnregisteredAsync += (_, _) =>
        {
            lost.TrySetResult("the broker cancelled the consumer (queue deleted?)");
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(Queue, autoAck: false, consumer, stoppingToken);
        health.Consuming();
        logger.LogInformation("Consuming {Queue} for {Events}", Queue, string.Join(", ", subscriptions.Value.ByName.Keys));
        return await lost.Task.WaitAsync(stoppingToken);
    }

    private async Task OnReceivedAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        // Redelivered and replayed messages arrive with the queue as routing key; Type is always the event's name.
        var eventName = delivery.BasicProperties.Type ?? delivery.RoutingKey;
        var messageId = delivery.BasicProperties.MessageId;
        var attempts = AttemptsSoFar(delivery) + 1;
        using var activity = RabbitMQTracing.StartProcess(eventName, Queue, messageId, delivery.BasicProperties.Headers);
        try
        {
            if (!subscriptions.Value.ByName.TryGetValue(eventName, out var subscription))
            {
                await RetryLaterAsync(channel, delivery, eventName, attempts, $"this version of {Queue} has no handler for {eventName}", stoppingToken);
                return;
            }

            IntegrationEvent integrationEvent;
            try
            {
                integrationEvent = EventSerializer.Deserialize(delivery.Body.Span, subscription.EventType);
            }
            catch (JsonException ex)
            {
                logger.LogError(ex, "Unreadable {EventName} message {MessageId}; dead-lettering it", eventName, messageId);
                await DeadLetterAsync(channel, delivery, eventName, $"unreadable body: {ex.Message}", stoppingToken);
                return;
            }

            try
            {
                await DispatchAsync(subscription, integrationEvent, eventName, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                logger.LogWarning(ex, "{EventName} {MessageId} failed (attempt {Attempt} of {MaxAttempts})", eventName, messageId, attempts, _options.MaxAttempts);
                await RetryLaterAsync(channel, delivery, eventName, attempts, $"{ex.GetType().Name}: {ex.Message}", stoppingToken);
                return;
            }

            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Not acked: the broker redelivers it to the next consumer.
        }
        catch (Exception ex) when (!channel.IsOpen)
        {
            // The channel is gone, and the message back in the queue; the inbox drops a repeat of work already committed.
            logger.LogWarning(ex, "Could not settle {EventName} {MessageId}: its channel closed", eventName, messageId);
        }
    }

    private async Task RetryLaterAsync(IChannel channel, BasicDeliverEventArgs delivery, string eventName, int attempts, string error, CancellationToken stoppingToken)
    {
        if (attempts >= _options.MaxAttempts)
        {
            logger.LogError("{EventName} {MessageId} failed {Attempts} times; dead-lettering it: {Error}", eventName, delivery.BasicProperties.MessageId, attempts, error);
            await DeadLetterAsync(channel, delivery, eventName, error, stoppingToken);
            return;
        }

        var delay = _options.RedeliveryDelay(attempts);
        try
        {
            await publisher.ForwardAsync(string.Empty, RabbitMQTopology.RedeliveryQueue(Queue, delay), eventName, delivery,
                new Dictionary<string, object?> { [MessageHeaders.Attempts] = attempts, [MessageHeaders.Error] = error }, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Back to the queue at once; the broker's delivery limit bounds how often this can happen.
            logger.LogWarning(ex, "Could not delay {EventName} {MessageId}; returning it to {Queue}", eventName, delivery.BasicProperties.MessageId, Queue);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
            return;
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
        logger.LogInformation("{EventName} {MessageId} comes back in {Delay}: {Error}", eventName, delivery.BasicProperties.MessageId, delay, error);
    }

    /// <summary>To the dead-letter queue with the reason in its headers; if that fails, the broker dead-letters it bare.</summary>
    private async Task DeadLetterAsync(IChannel channel, BasicDeliverEventArgs delivery, string eventName, string error, CancellationToken stoppingToken)
    {
        try
        {
            await publisher.ForwardAsync(_options.DeadLetterExchangeName, Queue, eventName, delivery,
                new Dictionary<string, object?> { [MessageHeaders.Error] = error }, stoppingToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not forward {MessageId} to the dead-letter queue; rejecting it there", delivery.BasicProperties.MessageId);
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None);
        }
    }

    private static int AttemptsSoFar(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue(MessageHeaders.Attempts, out var value) == true
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : 0;

    private async Task DispatchAsync(EventSubscription subscription, IntegrationEvent integrationEvent, string eventName, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<IMessageProcessor>();
        await processor.ProcessAsync(integrationEvent, eventName,
            token => subscription.Handle(scope.ServiceProvider, integrationEvent, token), ct);
    }
}

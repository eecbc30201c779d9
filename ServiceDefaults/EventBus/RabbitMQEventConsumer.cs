using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ClosetConnect.ServiceDefaults.EventBus;

/// <summary>
/// Consumes the service's durable queue with manual acks. A message is acked only after its handler (and the inbox
/// commit) succeeded; a failing handler is retried with backoff, then the message is rejected to the service's
/// dead-letter queue. Unknown event types and unreadable bodies go there at once: nothing is dropped silently.
/// </summary>
internal sealed class RabbitMQEventConsumer(
    IServiceProvider services,
    IOptions<EventBusOptions> options,
    IOptions<EventBusSubscriptions> subscriptions,
    ILogger<RabbitMQEventConsumer> logger) : BackgroundService
{
    private readonly EventBusOptions _options = options.Value;
    private IChannel? _channel;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (subscriptions.Value.ByName.Count == 0)
        {
            return;
        }

        var connection = services.GetRequiredService<IConnection>();
        _channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)_options.ConsumerConcurrency),
            stoppingToken);
        await DeclareTopologyAsync(_channel, stoppingToken);
        if (services.GetService<IEventConsumerGate>() is { } gate)
        {
            // The queue exists (publishers can deliver), but nothing is taken from it until the gate opens.
            await gate.WaitUntilOpenAsync(stoppingToken);
        }

        await _channel.BasicQosAsync(0, (ushort)_options.PrefetchCount, global: false, stoppingToken);

        var retry = BuildRetryPipeline();
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(_channel, delivery, retry, stoppingToken);
        await _channel.BasicConsumeAsync(_options.QueueName, autoAck: false, consumer, stoppingToken);
        logger.LogInformation("Consuming {Queue} for {Events}", _options.QueueName, string.Join(", ", subscriptions.Value.ByName.Keys));

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: unacked messages go back to the queue when the channel closes.
        }
    }

    private async Task DeclareTopologyAsync(IChannel channel, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(_options.ExchangeName, ExchangeType.Topic, durable: true, cancellationToken: ct);
        await channel.ExchangeDeclareAsync(_options.DeadLetterExchangeName, ExchangeType.Direct, durable: true, cancellationToken: ct);

        await channel.QueueDeclareAsync(_options.DeadLetterQueueName, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.QueueBindAsync(_options.DeadLetterQueueName, _options.DeadLetterExchangeName, _options.QueueName, cancellationToken: ct);

        var arguments = new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = _options.DeadLetterExchangeName,
            ["x-dead-letter-routing-key"] = _options.QueueName,
        };
        await channel.QueueDeclareAsync(_options.QueueName, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: ct);
        foreach (var eventName in subscriptions.Value.ByName.Keys)
        {
            await channel.QueueBindAsync(_options.QueueName, _options.ExchangeName, eventName, cancellationToken: ct);
        }
    }

    private ResiliencePipeline BuildRetryPipeline()
    {
        var builder = new ResiliencePipelineBuilder();
        if (_options.RetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                MaxRetryAttempts = _options.RetryCount,
                Delay = _options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Handler failed, retry {Attempt} of {RetryCount}",
                        args.AttemptNumber + 1, _options.RetryCount);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private async Task OnReceivedAsync(IChannel channel, BasicDeliverEventArgs delivery, ResiliencePipeline retry, CancellationToken stoppingToken)
    {
        var eventName = delivery.RoutingKey;
        using var activity = MessageTracing.StartProcess(eventName, _options.QueueName, delivery.BasicProperties.MessageId, delivery.BasicProperties.Headers);

        if (!subscriptions.Value.ByName.TryGetValue(eventName, out var subscription))
        {
            logger.LogError("No handler for {EventName} on {Queue}; dead-lettering message {MessageId}",
                eventName, _options.QueueName, delivery.BasicProperties.MessageId);
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None);
            return;
        }

        IntegrationEvent integrationEvent;
        try
        {
            integrationEvent = EventSerializer.Deserialize(delivery.Body.Span, subscription.EventType);
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "Unreadable {EventName} message {MessageId}; dead-lettering it", eventName, delivery.BasicProperties.MessageId);
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None);
            return;
        }

        try
        {
            await retry.ExecuteAsync(async ct => await DispatchAsync(subscription, integrationEvent, eventName, ct), stoppingToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Not acked: the broker redelivers it to the next consumer.
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogError(ex, "{EventName} {MessageId} failed after {RetryCount} retries; dead-lettering it",
                eventName, integrationEvent.Id, _options.RetryCount);
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None);
        }
    }

    private async Task DispatchAsync(EventSubscription subscription, IntegrationEvent integrationEvent, string eventName, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<IMessageProcessor>();
        await processor.ProcessAsync(integrationEvent, eventName,
            token => subscription.Handle(scope.ServiceProvider, integrationEvent, token), ct);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_channel is not null)
        {
            await _channel.CloseAsync(cancellationToken);
            await _channel.DisposeAsync();
        }
    }
}

using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus;
using ClosetConnect.EventBus.RabbitMQ;
using ClosetConnect.EventBus.Topology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class EventBusExtensions
{
    /// <summary>
    /// The RabbitMQ event bus: topic exchange <c>closetconnect.events</c>, the queues of the event catalogue
    /// (<see cref="ConsumedByAttribute"/>) declared before anything is published, confirmed publishing on a connection
    /// of its own, and (once a subscription is added) a consumer of this service's queue with delayed redelivery and a
    /// dead-letter queue.
    /// </summary>
    public static IEventBusBuilder AddEventBus(this IHostApplicationBuilder builder, string connectionName)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        builder.AddRabbitMQClient(
            connectionName,
            // The bus traces publish and process itself (also across the outbox); RabbitMQ.Client's own spans would
            // sit between them and replace the trace context the bus puts into each message.
            settings => settings.DisableTracing = true,
            factory =>
            {
                factory.ClientProvidedName = serviceName;
                // Reconnect soon after a broker restart; outbox rows wait for this.
                factory.NetworkRecoveryInterval = TimeSpan.FromSeconds(2);
            });

        builder.Services.AddOptions<EventBusOptions>()
            .BindConfiguration(EventBusOptions.SectionName)
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.ConsumerName))
                {
                    options.ConsumerName = serviceName.ToLowerInvariant();
                }

                if (options.RedeliveryDelays.Length == 0)
                {
                    options.RedeliveryDelays = EventBusOptions.DefaultRedeliveryDelays;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.Configure<EventTopology>(topology => topology.AddEventsOf(typeof(IntegrationEvent).Assembly));

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RabbitMQEventPublisher>();
        builder.Services.AddSingleton<IEventPublisher>(services => services.GetRequiredService<RabbitMQEventPublisher>());
        builder.Services.TryAddScoped<IMessageProcessor, DirectMessageProcessor>();
        builder.Services.AddSingleton<EventConsumerHealth>();
        builder.Services.AddHealthChecks().AddCheck<EventConsumerHealth>("event-consumer");
        builder.Services.AddHostedService<RabbitMQEventConsumer>();
        return new EventBusBuilder(builder.Services);
    }

    private sealed class EventBusBuilder(IServiceCollection services) : IEventBusBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}

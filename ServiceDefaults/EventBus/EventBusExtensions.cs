using ClosetConnect.ServiceDefaults.EventBus;
using ClosetConnect.ServiceDefaults.EventBus.Outbox;
using ClosetConnect.ServiceDefaults.EventBus.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public interface IEventBusBuilder
{
    IServiceCollection Services { get; }
}

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

    public static IEventBusBuilder AddSubscription<TEvent, THandler>(this IEventBusBuilder eventBus)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        eventBus.Services.TryAddScoped<THandler>();
        eventBus.Services.Configure<EventBusSubscriptions>(subscriptions => subscriptions.Add<TEvent, THandler>());
        // Events defined outside the shared contracts (a test's own) join the catalogue this way.
        eventBus.Services.Configure<EventTopology>(topology => topology.Add(typeof(TEvent)));
        return eventBus;
    }

    /// <summary>Events added with <c>AddIntegrationEvent</c> are published from this context's outbox after commit.</summary>
    public static IEventBusBuilder AddOutbox<TDbContext>(this IEventBusBuilder eventBus) where TDbContext : DbContext
    {
        eventBus.Services.TryAddSingleton<OutboxSignal>();
        eventBus.Services.AddSingleton<IInterceptor, OutboxSaveChangesInterceptor>();
        eventBus.Services.AddSingleton<OutboxRelay<TDbContext>>();
        eventBus.Services.AddHostedService(services => services.GetRequiredService<OutboxRelay<TDbContext>>());
        eventBus.Services.AddHealthChecks().AddCheck<OutboxHealthCheck<TDbContext>>("outbox");
        return eventBus;
    }

    /// <summary>Handlers run at most once per message id, in one transaction with this context's inbox row.</summary>
    public static IEventBusBuilder AddInbox<TDbContext>(this IEventBusBuilder eventBus) where TDbContext : DbContext
    {
        eventBus.Services.TryAddSingleton<OutboxSignal>();
        eventBus.Services.Replace(ServiceDescriptor.Scoped<IMessageProcessor, InboxMessageProcessor<TDbContext>>());
        return eventBus;
    }

    private sealed class EventBusBuilder(IServiceCollection services) : IEventBusBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}

using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus;
using ClosetConnect.EventBus.Topology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>What a transport's <c>AddEventBus</c> returns: subscriptions, an outbox and an inbox are added to it.</summary>
public interface IEventBusBuilder
{
    IServiceCollection Services { get; }
}

public static class EventBusBuilderExtensions
{
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
}

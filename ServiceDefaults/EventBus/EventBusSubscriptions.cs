using ClosetConnect.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ClosetConnect.EventBus;

/// <summary>Which events this service consumes, and how to hand each one to its handler.</summary>
public sealed class EventBusSubscriptions
{
    private readonly Dictionary<string, EventSubscription> _byName = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, EventSubscription> ByName => _byName;

    public void Add<TEvent, THandler>()
        where TEvent : IntegrationEvent
        where THandler : IIntegrationEventHandler<TEvent>
    {
        _byName[EventNames.Of<TEvent>()] = new EventSubscription(
            typeof(TEvent),
            (services, integrationEvent, ct) => services.GetRequiredService<THandler>().HandleAsync((TEvent)integrationEvent, ct));
    }
}

public sealed record EventSubscription(
    Type EventType,
    Func<IServiceProvider, IntegrationEvent, CancellationToken, Task> Handle);

using System.Collections.Concurrent;
using System.Reflection;

namespace ClosetConnect.Contracts.Events;

/// <summary>The routing key of an event type, read once from its <see cref="EventNameAttribute"/>.</summary>
public static class EventNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string Of<TEvent>() where TEvent : IntegrationEvent => Of(typeof(TEvent));

    public static string Of(Type eventType) => Names.GetOrAdd(eventType, static type =>
        type.GetCustomAttribute<EventNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{type.Name} has no [EventName]; every integration event needs its routing key."));
}

using System.Collections.Concurrent;
using System.Reflection;

namespace ClosetConnect.ServiceDefaults.EventBus;

/// <summary>
/// A fact one service tells the others. Every message carries its id (the consumers' inbox key), when it happened,
/// and the W3C trace context of the request that caused it, so one trace spans publisher and consumer.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required DateTimeOffset OccurredAt { get; init; }

    public string? TraceParent { get; init; }
}

/// <summary>The event's name on the wire: the routing key on the <c>closetconnect.events</c> topic exchange.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

public static class EventNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string Of<TEvent>() where TEvent : IntegrationEvent => Of(typeof(TEvent));

    public static string Of(Type eventType) => Names.GetOrAdd(eventType, static type =>
        type.GetCustomAttribute<EventNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{type.Name} has no [EventName]; every integration event needs its routing key."));
}

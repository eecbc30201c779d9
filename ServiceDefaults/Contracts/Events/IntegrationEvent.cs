using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ClosetConnect.ServiceDefaults.EventBus;

/// <summary>
/// A fact one service tells the others. Every message carries its id (the consumers' inbox key) and when it happened;
/// the trace context and baggage of the request that caused it travel in the message's headers.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The id of the event that handling <paramref name="causeId"/> raises: the same on every redelivery of the cause,
    /// so a consumer without an outbox still lets the next service's inbox drop the repeat.
    /// </summary>
    public static Guid IdCausedBy(Guid causeId, string eventName)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{causeId:N}/{eventName}"), hash);
        return new Guid(hash[..16]);
    }
}

/// <summary>The event's name on the wire: the routing key on the <c>closetconnect.events</c> topic exchange.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// The services that consume the event (their <c>EventBus:ConsumerName</c>). Every service declares their queues and
/// bindings before it publishes anything, so an event is never lost because its consumer has not started yet.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConsumedByAttribute(params string[] consumers) : Attribute
{
    public IReadOnlyList<string> Consumers { get; } = consumers;
}

public static class EventNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string Of<TEvent>() where TEvent : IntegrationEvent => Of(typeof(TEvent));

    public static string Of(Type eventType) => Names.GetOrAdd(eventType, static type =>
        type.GetCustomAttribute<EventNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{type.Name} has no [EventName]; every integration event needs its routing key."));
}

using System.Reflection;
using ClosetConnect.Contracts.Events;

namespace ClosetConnect.EventBus.Topology;

/// <summary>
/// Which consumer (service) takes which event, read from the events' <see cref="ConsumedByAttribute"/>: the contract
/// every service declares on the broker before it publishes or consumes anything.
/// </summary>
public sealed class EventTopology
{
    private readonly SortedDictionary<string, SortedSet<string>> _consumers = new(StringComparer.Ordinal);

    public IEnumerable<string> EventNames => _consumers.Keys;

    public IEnumerable<string> Consumers => _consumers.Values.SelectMany(consumers => consumers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Adds every integration event defined in <paramref name="assembly"/>.</summary>
    public void AddEventsOf(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract))
        {
            Add(type);
        }
    }

    public void Add(Type eventType)
    {
        var consumers = eventType.GetCustomAttribute<ConsumedByAttribute>()?.Consumers
            ?? throw new InvalidOperationException($"{eventType.Name} has no [ConsumedBy]: every integration event names the services that consume it.");
        _consumers[Contracts.Events.EventNames.Of(eventType)] = new SortedSet<string>(consumers, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> ConsumersOf(string eventName) =>
        _consumers.TryGetValue(eventName, out var consumers)
            ? consumers
            : throw new UndeclaredEventException($"'{eventName}' is not in the event catalogue (no [ConsumedBy] declares its consumers), so nothing would receive it.");

    public IEnumerable<string> EventsConsumedBy(string consumer) =>
        _consumers.Where(entry => entry.Value.Contains(consumer)).Select(entry => entry.Key);
}

/// <summary>A message no declared queue consumes: publishing it would lose it.</summary>
public sealed class UndeclaredEventException(string message) : Exception(message);

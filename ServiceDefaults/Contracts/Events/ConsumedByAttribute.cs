namespace ClosetConnect.Contracts.Events;

/// <summary>
/// The services that consume the event (their <c>EventBus:ConsumerName</c>). Every service declares their queues and
/// bindings before it publishes anything, so an event is never lost because its consumer has not started yet.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConsumedByAttribute(params string[] consumers) : Attribute
{
    public IReadOnlyList<string> Consumers { get; } = consumers;
}

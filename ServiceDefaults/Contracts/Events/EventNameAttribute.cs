namespace ClosetConnect.Contracts.Events;

/// <summary>The event's name on the wire: the routing key on the <c>closetconnect.events</c> topic exchange.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

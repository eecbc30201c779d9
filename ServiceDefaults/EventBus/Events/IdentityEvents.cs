namespace ClosetConnect.ServiceDefaults.EventBus.Events;

[EventName("identity.user-registered")]
public sealed record UserRegisteredEvent(Guid UserId, string Username) : IntegrationEvent;

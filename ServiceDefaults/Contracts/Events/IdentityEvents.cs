namespace ClosetConnect.Contracts.Events;

[EventName("identity.user-registered"), ConsumedBy("closet-api")]
public sealed record UserRegisteredEvent(Guid UserId, string Username) : IntegrationEvent;

/// <summary>
/// The account <paramref name="UserId"/> was erased (on request or by the retention job): every service erases what it
/// holds about that user, or anonymises what it must keep (financial records).
/// </summary>
[EventName("identity.user-deleted"), ConsumedBy("closet-api", "payments-api")]
public sealed record UserDeletedEvent(Guid UserId) : IntegrationEvent;

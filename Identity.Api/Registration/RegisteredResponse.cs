namespace ClosetConnect.Identity.Registration;

public sealed record RegisteredResponse(Guid UserId);

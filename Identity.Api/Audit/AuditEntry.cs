namespace ClosetConnect.Identity.Audit;

/// <summary>What an audit entry says, before the request supplies where it came from.</summary>
public sealed record AuditEntry(string Action, AuditOutcome Outcome, Guid? UserId, string? Reason = null, Guid? ActorId = null, string? Resource = null);

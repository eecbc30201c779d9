namespace ClosetConnect.Identity.Domain;

/// <summary>
/// One authentication attempt or sensitive operation, persisted for accounts (who, what, on which resource, from where,
/// in which request, with what outcome). Never holds an email, a token or a password: people are named by user id.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>What happened, from <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = string.Empty;

    public AuditOutcome Outcome { get; private set; }

    /// <summary>The account the event is about; null when no account matched (e.g. a login for an unknown email).</summary>
    public Guid? UserId { get; private set; }

    /// <summary>Who did it, when someone else than the account's owner acted (an admin unlocking an account).</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>What was acted on, e.g. <c>user/{id}</c> or <c>signing-key/{kid}</c>.</summary>
    public string? Resource { get; private set; }

    public string? IpAddress { get; private set; }

    public string? RequestId { get; private set; }

    /// <summary>A short reason code such as <c>wrong-password</c> or <c>locked</c>; never personal data.</summary>
    public string? Reason { get; private set; }

    public static AuditEvent Record(
        string action, AuditOutcome outcome, Guid? userId, Guid? actorId, string? resource, string? ipAddress, string? requestId, string? reason, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now,
            Action = action,
            Outcome = outcome,
            UserId = userId,
            ActorId = actorId,
            Resource = resource,
            IpAddress = ipAddress,
            RequestId = requestId,
            Reason = reason,
        };

    /// <summary>The account was erased: the event stays as a record that it happened, without the address it came from.</summary>
    public void ForgetIpAddress() => IpAddress = null;
}

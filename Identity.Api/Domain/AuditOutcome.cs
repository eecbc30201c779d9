namespace ClosetConnect.Identity.Domain;

/// <summary>How an audited attempt ended: done, failed (wrong input), or refused (a rule stopped it).</summary>
public enum AuditOutcome
{
    Success,
    Failure,
    Refused,
}

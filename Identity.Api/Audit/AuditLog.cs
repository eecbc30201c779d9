namespace ClosetConnect.Identity.Audit;

/// <summary>
/// Records authentication attempts and sensitive operations twice: as a structured log event (for the log pipeline and
/// its alerts) and as an <see cref="AuditEvent"/> row in Identity's database. The row is added to the caller's
/// <see cref="IdentityDbContext"/>, so it commits with the change it describes; <see cref="RecordNowAsync"/> saves at
/// once, for refusals that change nothing else.
/// </summary>
public sealed class AuditLog(IdentityDbContext db, RequestOrigin origin, TimeProvider time, ILogger<AuditLog> logger)
{
    public void Record(AuditEntry entry)
    {
        var (ipAddress, requestId) = (origin.ClientIp, origin.RequestId);
        var auditEvent = AuditEvent.Record(entry.Action, entry.Outcome, entry.UserId, entry.ActorId, entry.Resource,
            ipAddress, requestId, entry.Reason, time.GetUtcNow());
        db.AuditEvents.Add(auditEvent);

        var level = entry.Outcome == AuditOutcome.Success ? LogLevel.Information : LogLevel.Warning;
        logger.Log(level, AuditEventId,
            "Audit {AuditAction} {AuditOutcome} user {UserId} actor {ActorId} resource {AuditResource} ip {ClientIp} request {RequestId} reason {AuditReason}",
            entry.Action, entry.Outcome, entry.UserId, entry.ActorId, entry.Resource, ipAddress, requestId, entry.Reason);
    }

    public async Task RecordNowAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        Record(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly EventId AuditEventId = new(4100, "Audit");
}

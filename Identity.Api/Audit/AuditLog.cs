namespace ClosetConnect.Identity.Application.Audit;

/// <summary>What an audit entry says, before the request supplies where it came from.</summary>
public sealed record AuditEntry(string Action, AuditOutcome Outcome, Guid? UserId, string? Reason = null, Guid? ActorId = null, string? Resource = null);

/// <summary>
/// Records authentication attempts and sensitive operations twice: as a structured log event (for the log pipeline and
/// its alerts) and as an <see cref="AuditEvent"/> row in Identity's database. The row is added to the caller's
/// <see cref="IdentityDbContext"/>, so it commits with the change it describes; <see cref="RecordNowAsync"/> saves at
/// once, for refusals that change nothing else.
/// </summary>
public sealed class AuditLog(IdentityDbContext db, IHttpContextAccessor http, TimeProvider time, ILogger<AuditLog> logger)
{
    public void Record(AuditEntry entry)
    {
        var context = http.HttpContext;
        var ipAddress = context?.Connection.RemoteIpAddress?.ToString();
        var requestId = context?.Request.Headers[ServiceDefaultsExtensions.RequestIdHeader].ToString() is { Length: > 0 } header
            ? header[..Math.Min(header.Length, 64)]
            : context?.TraceIdentifier;
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

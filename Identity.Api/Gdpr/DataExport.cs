using ClosetConnect.Identity.Audit;
using ClosetConnect.Identity.PersonalData;

namespace ClosetConnect.Identity.Gdpr;

/// <summary>Everything ClosetConnect holds about one person (GDPR art. 15 and 20), gathered from every service.</summary>
public sealed class DataExport(
    IdentityDbContext db, FieldEncryptor encryptor, IServiceDataExports services, AuditLog audit, TimeProvider time, ILogger<DataExport> logger)
{
    public static readonly UseCaseFailure AccountGone = UseCaseFailure.NotFound("The account no longer exists.");

    public static readonly UseCaseFailure ExportUnavailable = new(FailureKind.Unavailable, "Export unavailable",
        "Part of your data could not be gathered right now. Try again in a few minutes.");

    /// <summary>
    /// The whole document, or a refusal: the account is gone, or a service could not answer (the export fails rather
    /// than look complete). <paramref name="accessToken"/> is the caller's own, forwarded to the other services.
    /// </summary>
    public async Task<UseCaseResult<DataExportDocument>> ExportAsync(Guid userId, string accessToken, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AccountGone;
        }

        try
        {
            return await ExportAsync(user, accessToken, cancellationToken);
        }
        catch (ServiceDataUnavailableException ex)
        {
            logger.LogError(ex, "Data export of user {UserId} failed: {Service} did not answer", userId, ex.Service);
            return ExportUnavailable;
        }
    }

    private async Task<DataExportDocument> ExportAsync(User user, string accessToken, CancellationToken cancellationToken)
    {
        var userId = user.Id;

        // The other services are asked in parallel, while Identity reads its own part.
        var closet = services.GetClosetDataAsync(userId, accessToken, cancellationToken);
        var payments = services.GetPaymentsDataAsync(userId, accessToken, cancellationToken);

        var sessions = await db.RefreshTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderBy(t => t.CreatedAt)
            .Select(t => new SessionExport(t.FamilyId, t.CreatedAt, t.ExpiresAt, t.RotatedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        var auditEvents = await db.AuditEvents.AsNoTracking().Where(e => e.UserId == userId)
            .OrderBy(e => e.OccurredAt)
            .Select(e => new AuditExport(e.OccurredAt, e.Action, e.Outcome.ToString(), e.IpAddress, e.Reason))
            .ToListAsync(cancellationToken);
        var identity = new IdentityExport(user.Id, user.Email, user.Username, encryptor.Decrypt(user.FullNameEncrypted), user.GrantedRoles,
            user.CreatedAt, user.EmailVerifiedAt, user.LastLoginAt, sessions, auditEvents);

        var document = new DataExportDocument(time.GetUtcNow(), identity, await closet, await payments);
        await audit.RecordNowAsync(new AuditEntry(AuditActions.DataExport, AuditOutcome.Success, userId, Resource: $"user/{userId}"), cancellationToken);
        return document;
    }
}

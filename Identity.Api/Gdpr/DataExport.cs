using System.Text.Json;
using ClosetConnect.Identity.Application.Audit;
using ClosetConnect.Identity.Infrastructure.Encryption;
using ClosetConnect.Identity.Infrastructure.Export;

namespace ClosetConnect.Identity.Application.Gdpr;

/// <summary>Everything ClosetConnect holds about one person (GDPR art. 15 and 20), gathered from every service.</summary>
public sealed record DataExportDocument(
    DateTimeOffset ExportedAt,
    IdentityExport Identity,
    JsonElement Closet,
    JsonElement Payments);

public sealed record IdentityExport(
    Guid Id,
    string Email,
    string Username,
    string FullName,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EmailVerifiedAt,
    DateTimeOffset? LastLoginAt,
    IReadOnlyList<SessionExport> Sessions,
    IReadOnlyList<AuditExport> AuditEvents);

/// <summary>A refresh token's life (never the token itself).</summary>
public sealed record SessionExport(Guid FamilyId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RotatedAt, DateTimeOffset? RevokedAt);

public sealed record AuditExport(DateTimeOffset OccurredAt, string Action, string Outcome, string? IpAddress, string? Reason);

public sealed class DataExport(IdentityDbContext db, FieldEncryptor encryptor, ServiceDataClient services, AuditLog audit, TimeProvider time)
{
    /// <summary>Null when the account no longer exists.</summary>
    public async Task<DataExportDocument?> ExportAsync(Guid userId, string accessToken, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        // The other services are asked in parallel; if one cannot answer, the export fails rather than look complete.
        var closet = services.GetExportAsync(ServiceDataClient.ClosetService, userId, accessToken, cancellationToken);
        var payments = services.GetExportAsync(ServiceDataClient.PaymentsService, userId, accessToken, cancellationToken);

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

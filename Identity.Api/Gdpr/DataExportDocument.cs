using System.Text.Json;

namespace ClosetConnect.Identity.Gdpr;

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

using ClosetConnect.Identity.Audit;

namespace ClosetConnect.Identity.Tokens;

/// <summary>
/// A session is a family of refresh tokens: a login starts one, each refresh rotates to the family's next token, and a
/// logout ends it. A rotated token presented again means it was stolen: the whole family is revoked.
/// </summary>
public sealed class Sessions(IdentityDbContext db, AccessTokenIssuer accessTokens, AuditLog audit, TimeProvider time)
{
    public static readonly UseCaseFailure InvalidRefreshToken = new(FailureKind.Unauthenticated, "Invalid refresh token",
        "The refresh token is unknown, expired, revoked or already used. Log in again.");

    /// <summary>A new family for <paramref name="user"/>; saves the caller's pending changes with it.</summary>
    public Task<TokenPair> StartAsync(User user, CancellationToken cancellationToken) =>
        IssueAsync(user, familyId: null, cancellationToken);

    public async Task<UseCaseResult<TokenPair>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var presented = await FindAsync(request.RefreshToken, cancellationToken);
        if (presented is null || !presented.IsActive(now))
        {
            if (presented is { IsReuse: true })
            {
                var revoked = await db.RefreshTokens.Where(t => t.FamilyId == presented.FamilyId).RevokeAsync(now, cancellationToken);
                await audit.RecordNowAsync(new AuditEntry(AuditActions.RefreshTokenReuse, AuditOutcome.Refused, presented.UserId,
                    Resource: $"token-family/{presented.FamilyId}", Reason: $"family-revoked-{revoked}"), cancellationToken);
            }

            return InvalidRefreshToken;
        }

        var user = await db.Users.SingleAsync(u => u.Id == presented.UserId, cancellationToken);
        presented.MarkRotated(now);
        return await IssueAsync(user, presented.FamilyId, cancellationToken);
    }

    /// <summary>Revokes the family of the presented token; an unknown token ends nothing and is no error.</summary>
    public async Task EndAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        if (await FindAsync(request.RefreshToken, cancellationToken) is { } presented)
        {
            await db.RefreshTokens.Where(t => t.FamilyId == presented.FamilyId).RevokeAsync(time.GetUtcNow(), cancellationToken);
            await audit.RecordNowAsync(new AuditEntry(AuditActions.Logout, AuditOutcome.Success, presented.UserId), cancellationToken);
        }
    }

    private async Task<TokenPair> IssueAsync(User user, Guid? familyId, CancellationToken cancellationToken)
    {
        var (refreshToken, clearRefreshToken) = RefreshToken.Issue(user.Id, familyId, time.GetUtcNow());
        db.RefreshTokens.Add(refreshToken);
        await db.SaveChangesAsync(cancellationToken);
        var accessToken = await accessTokens.IssueAsync(user, cancellationToken);
        return new TokenPair(accessToken, clearRefreshToken, (int)AccessTokenIssuer.Lifetime.TotalSeconds);
    }

    private Task<RefreshToken?> FindAsync(string? clearToken, CancellationToken cancellationToken) =>
        OpaqueToken.HashPresented(clearToken) is { } hash
            ? db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            : Task.FromResult<RefreshToken?>(null);
}

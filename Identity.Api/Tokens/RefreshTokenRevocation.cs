namespace ClosetConnect.Identity.Tokens;

/// <summary>
/// The one way refresh tokens are revoked: one <c>UPDATE</c> in the database, so a token of the set being used at the
/// same moment cannot slip between a read and a write.
/// </summary>
public static class RefreshTokenRevocation
{
    /// <summary>Revokes every token of <paramref name="tokens"/> that is not revoked yet; returns how many it revoked.</summary>
    public static Task<int> RevokeAsync(this IQueryable<RefreshToken> tokens, DateTimeOffset now, CancellationToken cancellationToken) =>
        tokens.Where(t => t.RevokedAt == null).ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
}

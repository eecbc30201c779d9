namespace ClosetConnect.Identity.Domain;

/// <summary>
/// A password reset token mailed on request: 32 random bytes, stored only as a SHA-256 hash, valid for 30 minutes and
/// for one use. Issuing a new token for an account voids the earlier ones.
/// </summary>
public sealed class PasswordResetToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private PasswordResetToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? ConsumedAt { get; private set; }

    /// <summary>Creates a token; the clear token is returned once, to be mailed, and never stored.</summary>
    public static (PasswordResetToken Token, string ClearToken) Issue(Guid userId, DateTimeOffset now)
    {
        var clear = OpaqueToken.NewClearToken();
        var token = new PasswordResetToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            TokenHash = Hash(clear),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (token, clear);
    }

    public static string Hash(string clearToken) => OpaqueToken.Hash(clearToken);

    public bool IsUsable(DateTimeOffset now) => ConsumedAt is null && now < ExpiresAt;

    /// <summary>Consumes the token when it is still usable; a used or expired token is refused.</summary>
    public bool TryConsume(DateTimeOffset now)
    {
        if (!IsUsable(now))
        {
            return false;
        }

        ConsumedAt = now;
        return true;
    }
}

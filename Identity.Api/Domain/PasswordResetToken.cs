namespace ClosetConnect.Identity.Domain;

/// <summary>
/// A password reset token mailed on request: 32 random bytes, stored only as a SHA-256 hash, valid for 30 minutes and
/// for one use. Issuing a new token for an account voids the earlier ones.
/// </summary>
public sealed class PasswordResetToken : IssuedToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private PasswordResetToken()
    {
    }

    private PasswordResetToken(Guid userId, DateTimeOffset now, out string clearToken)
        : base(userId, now, Lifetime, out clearToken)
    {
    }

    public DateTimeOffset? ConsumedAt { get; private set; }

    /// <summary>Creates a token; the clear token is returned once, to be mailed, and never stored.</summary>
    public static (PasswordResetToken Token, string ClearToken) Issue(Guid userId, DateTimeOffset now)
    {
        var token = new PasswordResetToken(userId, now, out var clear);
        return (token, clear);
    }

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

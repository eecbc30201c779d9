namespace ClosetConnect.Identity.Domain;

/// <summary>
/// A token handed to one account once (<see cref="OpaqueToken"/>) and kept only as its hash, until it expires: what a
/// refresh token and a password reset token have in common.
/// </summary>
public abstract class IssuedToken
{
    protected IssuedToken()
    {
    }

    /// <summary>A new token for <paramref name="userId"/>; <paramref name="clearToken"/> goes to its owner and is never stored.</summary>
    protected IssuedToken(Guid userId, DateTimeOffset now, TimeSpan lifetime, out string clearToken)
    {
        clearToken = OpaqueToken.NewClearToken();
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        TokenHash = Hash(clearToken);
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static string Hash(string clearToken) => OpaqueToken.Hash(clearToken);
}

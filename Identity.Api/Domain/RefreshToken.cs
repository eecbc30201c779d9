namespace ClosetConnect.Identity.Domain;

/// <summary>
/// An opaque refresh token, stored as a SHA-256 hash. Each use rotates it to a new token of the same family; a token
/// presented again after its rotation means it was stolen, so the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid FamilyId { get; private set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RotatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static (RefreshToken Token, string ClearToken) Issue(Guid userId, Guid? familyId, DateTimeOffset now)
    {
        var clear = OpaqueToken.NewClearToken();
        var token = new RefreshToken
        {
            Id = Guid.CreateVersion7(now),
            FamilyId = familyId ?? Guid.CreateVersion7(now),
            UserId = userId,
            TokenHash = Hash(clear),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (token, clear);
    }

    public static string Hash(string clearToken) => OpaqueToken.Hash(clearToken);

    public bool IsActive(DateTimeOffset now) => RotatedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>Presented after rotation or revocation: the signature of a replayed, likely stolen token.</summary>
    public bool IsReuse => RotatedAt is not null || RevokedAt is not null;

    public void MarkRotated(DateTimeOffset now) => RotatedAt = now;
}

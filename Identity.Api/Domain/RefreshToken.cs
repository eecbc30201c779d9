namespace ClosetConnect.Identity.Domain;

/// <summary>
/// An opaque refresh token, stored as a SHA-256 hash. Each use rotates it to a new token of the same family; a token
/// presented again after its rotation means it was stolen, so the whole family is revoked.
/// </summary>
public sealed class RefreshToken : IssuedToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private RefreshToken()
    {
    }

    private RefreshToken(Guid userId, Guid familyId, DateTimeOffset now, out string clearToken)
        : base(userId, now, Lifetime, out clearToken) => FamilyId = familyId;

    public Guid FamilyId { get; private set; }

    public DateTimeOffset? RotatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>The next token of <paramref name="familyId"/>, or the first of a new family (a login).</summary>
    public static (RefreshToken Token, string ClearToken) Issue(Guid userId, Guid? familyId, DateTimeOffset now)
    {
        var token = new RefreshToken(userId, familyId ?? Guid.CreateVersion7(now), now, out var clear);
        return (token, clear);
    }

    public bool IsActive(DateTimeOffset now) => RotatedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>Presented after rotation or revocation: the signature of a replayed, likely stolen token.</summary>
    public bool IsReuse => RotatedAt is not null || RevokedAt is not null;

    public void MarkRotated(DateTimeOffset now) => RotatedAt = now;
}

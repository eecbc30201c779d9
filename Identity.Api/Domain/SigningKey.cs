namespace ClosetConnect.Identity.Domain;

/// <summary>
/// An ES256 key that signs access tokens. Exactly one key is active (signs); every key not yet retired is published in
/// the JWKS so tokens it signed keep validating through a rotation. The private key is encrypted at rest.
/// </summary>
public sealed class SigningKey
{
    public const string Es256 = "ES256";

    private SigningKey()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string Algorithm { get; private set; } = Es256;

    public string PrivateKeyEncrypted { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public static SigningKey Create(string id, string privateKeyEncrypted, DateTimeOffset now) => new()
    {
        Id = id,
        PrivateKeyEncrypted = privateKeyEncrypted,
        CreatedAt = now,
        ActivatedAt = now,
    };

    public bool IsRetired(DateTimeOffset now) => RetiredAt is { } retired && retired <= now;

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;

    /// <summary>Retires the key at <paramref name="at"/> or earlier: an emergency brings a scheduled retirement forward.</summary>
    public void RetireBy(DateTimeOffset at) => RetiredAt = RetiredAt is { } scheduled && scheduled < at ? scheduled : at;

    /// <summary>The private key re-encrypted under the current field-encryption key, so the old one can be retired.</summary>
    public void ReplacePrivateKeyEncrypted(string privateKeyEncrypted) => PrivateKeyEncrypted = privateKeyEncrypted;
}

using System.Security.Cryptography;
using ClosetConnect.Identity.PersonalData;
using Microsoft.IdentityModel.Tokens;

namespace ClosetConnect.Identity.Keys;

/// <summary>
/// The signing keys, read from the database and cached for a minute so a rotation made by another replica is picked
/// up quickly without a query per token.
/// </summary>
public sealed class SigningKeyRing(IServiceScopeFactory scopes, FieldEncryptor encryptor, TimeProvider time, ILogger<SigningKeyRing> logger)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private Snapshot? _snapshot;

    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return snapshot.Active ?? throw new InvalidOperationException("No active signing key; EnsureActiveKeyAsync runs at start.");
    }

    /// <summary>Public keys of every key that is not retired: what the JWKS publishes and what tokens validate against.</summary>
    public async Task<IReadOnlyList<ECDsaSecurityKey>> GetValidationKeysAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).ValidationKeys;

    public void Invalidate() => _snapshot = null;

    /// <summary>Creates the first key when there is none, so a fresh system can issue tokens.</summary>
    public async Task EnsureActiveKeyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = time.GetUtcNow();
        if (await db.SigningKeys.AnyAsync(k => k.ActivatedAt != null && (k.RetiredAt == null || k.RetiredAt > now), cancellationToken))
        {
            return;
        }

        db.SigningKeys.Add(NewKey(now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the first token signing key");
        Invalidate();
    }

    /// <summary>A fresh ES256 key, active from <paramref name="now"/>, its private half encrypted at rest.</summary>
    public SigningKey NewKey(DateTimeOffset now)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));
        return SigningKey.Create(id, encryptor.Encrypt(Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey())), now);
    }

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } current && current.LoadedAt + CacheLifetime > now)
        {
            return current;
        }

        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && loaded.LoadedAt + CacheLifetime > now)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var keys = (await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken))
                .Where(k => !k.IsRetired(now))
                .OrderByDescending(k => k.ActivatedAt)
                .ToList();

            var validation = keys.Select(ToPublicKey).ToList();
            var active = keys.FirstOrDefault(k => k.ActivatedAt is not null) is { } activeKey
                ? new SigningCredentials(ToPrivateKey(activeKey), SecurityAlgorithms.EcdsaSha256)
                : null;
            _snapshot = new Snapshot(now, active, validation);
            return _snapshot;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    private ECDsaSecurityKey ToPrivateKey(SigningKey key)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(encryptor.Decrypt(key.PrivateKeyEncrypted)), out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = key.Id };
    }

    private ECDsaSecurityKey ToPublicKey(SigningKey key)
    {
        using var full = ToPrivateKey(key).ECDsa;
        var publicOnly = ECDsa.Create(full.ExportParameters(includePrivateParameters: false));
        return new ECDsaSecurityKey(publicOnly) { KeyId = key.Id };
    }

    private sealed record Snapshot(DateTimeOffset LoadedAt, SigningCredentials? Active, IReadOnlyList<ECDsaSecurityKey> ValidationKeys);
}

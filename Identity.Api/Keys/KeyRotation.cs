using ClosetConnect.Identity.Audit;
using ClosetConnect.Identity.Tokens;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Identity.Keys;

/// <summary>
/// Adds a new signing key and makes it the active one. Normally the previous keys keep verifying (and stay in the JWKS)
/// until every token they signed has expired: access-token lifetime plus the allowed clock skew. An emergency rotation
/// (a key is believed compromised) retires them at once and revokes every refresh token, so everyone logs in again.
/// </summary>
public sealed class KeyRotation(
    IdentityDbContext db, SigningKeyRing keyRing, AuditLog audit, IOptions<TokenValidationSettings> validation, TimeProvider time, ILogger<KeyRotation> logger)
{
    public async Task<KeyRotationResult> RotateAsync(bool emergency, Guid? actorId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var retireAt = emergency ? now : now + AccessTokenIssuer.Lifetime + validation.Value.ClockSkew;
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var current = await db.SigningKeys.Where(k => k.RetiredAt == null || k.RetiredAt > now).ToListAsync(cancellationToken);
            foreach (var key in current)
            {
                key.RetireBy(retireAt);
            }

            var newKey = keyRing.NewKey(now);
            db.SigningKeys.Add(newKey);
            var revoked = emergency
                ? await db.RefreshTokens.Where(t => t.ExpiresAt > now).RevokeAsync(now, cancellationToken)
                : 0;
            audit.Record(new AuditEntry(AuditActions.KeyRotation, AuditOutcome.Success, UserId: null, ActorId: actorId,
                Resource: $"signing-key/{newKey.Id}", Reason: emergency ? "emergency" : "scheduled"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new KeyRotationResult(newKey.Id, current.Select(k => new RetiringKey(k.Id, k.RetiredAt!.Value)).ToList(), emergency, revoked);
        });

        // This replica signs with the new key at once; others pick it up within the ring's cache lifetime.
        keyRing.Invalidate();
        logger.LogWarning("Signing keys rotated ({Mode}): {ActiveKeyId} active, {Retiring} retiring, {Revoked} refresh tokens revoked",
            emergency ? "emergency" : "scheduled", result.ActiveKeyId, result.RetiringKeys.Count, result.RevokedRefreshTokens);
        return result;
    }
}

using ClosetConnect.Identity.Audit;

namespace ClosetConnect.Identity.Login;

/// <summary>An admin lifts a login lock and the failed attempts are forgotten, whether or not the account was locked.</summary>
public sealed class AccountUnlock(IdentityDbContext db, ILoginThrottle throttle, AuditLog audit)
{
    /// <summary>False when there is no such account.</summary>
    public async Task<bool> UnlockAsync(Guid userId, Guid adminId, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return false;
        }

        var wasLocked = await throttle.UnlockAsync(email);
        await audit.RecordNowAsync(new AuditEntry(AuditActions.Unlock, AuditOutcome.Success, userId, ActorId: adminId,
            Resource: $"user/{userId}", Reason: wasLocked ? "lock-lifted" : "not-locked"), cancellationToken);
        return true;
    }
}

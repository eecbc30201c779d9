using ClosetConnect.Identity.Accounts;
using ClosetConnect.Identity.Audit;
using ClosetConnect.Identity.Passwords;

namespace ClosetConnect.Identity.Gdpr;

/// <summary>
/// The owner erases their account after giving the password again (a stolen access token alone cannot do it).
/// Identity's part is gone when this returns; Closet and Payments follow through <c>identity.user-deleted</c>.
/// </summary>
public sealed class AccountDeletion(IdentityDbContext db, PasswordHasher passwords, AccountEraser eraser, AuditLog audit)
{
    public static readonly UseCaseFailure WrongPassword =
        new(FailureKind.Forbidden, "Password incorrect", "Confirm the deletion with your current password.");

    /// <summary>Null when the account is erased.</summary>
    public async Task<UseCaseFailure?> DeleteAsync(Guid userId, DeleteAccountRequest request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return DataExport.AccountGone;
        }

        if (!passwords.Verify(request.Password ?? string.Empty, user.PasswordHash))
        {
            await audit.RecordNowAsync(new AuditEntry(AuditActions.Delete, AuditOutcome.Failure, userId, Reason: "wrong-password"), cancellationToken);
            return WrongPassword;
        }

        await eraser.EraseAsync(user, AuditActions.Delete, actorId: null, cancellationToken);
        return null;
    }
}

using ClosetConnect.Identity.Audit;
using ClosetConnect.Identity.Login;
using ClosetConnect.Identity.Mail;
using ClosetConnect.Identity.Passwords;
using ClosetConnect.Identity.Tokens;

namespace ClosetConnect.Identity.PasswordReset;

/// <summary>A forgotten password: a single-use token by mail (30 minutes), then a new password with it.</summary>
public sealed class PasswordResets(
    IdentityDbContext db,
    PasswordHasher passwords,
    AccountMail mail,
    IAccountMailLimiter mailLimiter,
    ILoginThrottle throttle,
    AuditLog audit,
    TimeProvider time)
{
    public static readonly UseCaseFailure InvalidToken = new(FailureKind.Invalid, "Invalid reset token",
        "The reset token is wrong, expired or already used. Request a new one.");

    /// <summary>
    /// Never says whether the address has an account. An account gets a new token (earlier ones stop working), at
    /// most as often as <see cref="MailRateLimitOptions"/> allows.
    /// </summary>
    public async Task RequestAsync(PasswordResetRequest request, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
        var user = EmailAddress.IsValid(email)
            ? await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken)
            : null;
        if (user is null)
        {
            return;
        }

        if (await mailLimiter.TryAcquireAsync(AccountMailPurpose.PasswordReset, email) is not null)
        {
            await audit.RecordNowAsync(new AuditEntry(AuditActions.PasswordResetRequest, AuditOutcome.Refused, user.Id, Reason: "rate-limited"), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        await db.PasswordResetTokens.Where(t => t.UserId == user.Id && t.ConsumedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.ConsumedAt, now), cancellationToken);
        var (token, clearToken) = PasswordResetToken.Issue(user.Id, now);
        db.PasswordResetTokens.Add(token);
        audit.Record(new AuditEntry(AuditActions.PasswordResetRequest, AuditOutcome.Success, user.Id));
        await mail.SendPasswordResetAsync(user.Email, user.Username, clearToken, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Sets the new password (same policy as registration) and revokes every refresh token of the account, so sessions
    /// started with the old password end; it also lifts a login lock, since the owner has proved the mailbox.
    /// Null when the password is changed.
    /// </summary>
    public async Task<UseCaseFailure?> ConfirmAsync(PasswordResetConfirmation request, CancellationToken cancellationToken)
    {
        if (PasswordPolicy.Check(request.NewPassword) is { } passwordProblem)
        {
            return UseCaseFailure.Invalid(new Dictionary<string, string[]> { ["newPassword"] = [passwordProblem] });
        }

        var email = EmailAddress.Normalize(request.Email);
        var now = time.GetUtcNow();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        var tokenHash = OpaqueToken.HashPresented(request.Token);
        var token = user is null || tokenHash is null
            ? null
            : await db.PasswordResetTokens.SingleOrDefaultAsync(t => t.UserId == user.Id && t.TokenHash == tokenHash, cancellationToken);
        if (user is null || token is null || !token.TryConsume(now))
        {
            await audit.RecordNowAsync(new AuditEntry(AuditActions.PasswordReset, AuditOutcome.Failure, user?.Id, Reason: "invalid-token"), cancellationToken);
            return InvalidToken;
        }

        user.ChangePasswordHash(passwords.Hash(request.NewPassword!));
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.RefreshTokens.Where(t => t.UserId == user.Id).RevokeAsync(now, cancellationToken);
            audit.Record(new AuditEntry(AuditActions.PasswordReset, AuditOutcome.Success, user.Id));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        await throttle.UnlockAsync(email);
        return null;
    }
}

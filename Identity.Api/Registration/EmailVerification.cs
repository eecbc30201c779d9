using ClosetConnect.Identity.Accounts;
using ClosetConnect.Identity.Audit;
using ClosetConnect.Identity.Mail;

namespace ClosetConnect.Identity.Registration;

/// <summary>The owner proves the mailbox with the mailed code; a new code can be asked for, at a limited rate.</summary>
public sealed class EmailVerification(
    IdentityDbContext db, AccountMail mail, IAccountMailLimiter mailLimiter, BootstrapAdmin bootstrapAdmin, AuditLog audit, TimeProvider time)
{
    public static readonly UseCaseFailure InvalidCode = new(FailureKind.Invalid, "Invalid verification code",
        $"The code is wrong, expired, already used or tried {EmailVerificationCode.MaxAttempts} times. Request a new code.");

    /// <summary>Null when the address is verified (also when it already was).</summary>
    public async Task<UseCaseFailure?> VerifyAsync(VerifyEmailRequest request, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is { IsEmailVerified: true })
        {
            return null;
        }

        var now = time.GetUtcNow();
        var code = user is null
            ? null
            : await db.EmailVerificationCodes
                .Where(c => c.UserId == user.Id)
                .OrderByDescending(c => c.ExpiresAt)
                .FirstOrDefaultAsync(cancellationToken);

        if (user is null || code is null || !code.TryConsume(request.Code ?? string.Empty, now))
        {
            // Saved even so: the code's attempt counter went up.
            audit.Record(new AuditEntry(AuditActions.VerifyEmail, AuditOutcome.Failure, user?.Id, Reason: "wrong-or-expired-code"));
            await db.SaveChangesAsync(cancellationToken);
            return InvalidCode;
        }

        user.VerifyEmail(now);
        audit.Record(new AuditEntry(AuditActions.VerifyEmail, AuditOutcome.Success, user.Id));
        bootstrapAdmin.PromoteIfConfigured(user);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Null whether or not the account exists (a code goes out only to an unverified one); refused when this address
    /// was sent a code too recently. The limit counts per address, existing or not, so it reveals nothing either.
    /// </summary>
    public async Task<UseCaseFailure?> ResendCodeAsync(ResendCodeRequest request, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
        if (await mailLimiter.TryAcquireAsync(AccountMailPurpose.VerificationCode, email) is { } retryAfter)
        {
            return new UseCaseFailure(FailureKind.TooManyRequests, "Too many codes requested",
                $"A code was sent to this address recently. Try again in {UseCaseFailure.WholeSeconds(retryAfter)} seconds.",
                RetryAfter: retryAfter);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is { IsEmailVerified: false })
        {
            var (code, clearCode) = EmailVerificationCode.Issue(user.Id, time.GetUtcNow());
            db.EmailVerificationCodes.Add(code);
            await mail.SendVerificationCodeAsync(user.Email, user.Username, clearCode, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return null;
    }
}

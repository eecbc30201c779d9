using ClosetConnect.Identity.Audit;
using ClosetConnect.Identity.Passwords;
using ClosetConnect.Identity.PersonalData;
using ClosetConnect.Identity.Tokens;

namespace ClosetConnect.Identity.Login;

/// <summary>
/// Logs in with email and password. Wrong email and wrong password get the same answer. Failures are counted per
/// address (existing or not), the attempt after a failure waits progressively longer, and the fifth failure locks the
/// address for 15 minutes, during which even the right password is refused.
/// </summary>
public sealed class PasswordLogin(
    IdentityDbContext db,
    PasswordHasher passwords,
    ILoginThrottle throttle,
    PersonalDataReEncryptor reEncryptor,
    Sessions sessions,
    AuditLog audit,
    TimeProvider time)
{
    public static readonly UseCaseFailure WrongCredentials =
        new(FailureKind.Unauthenticated, "Login failed", "The email or password is incorrect.");

    public static readonly UseCaseFailure EmailNotVerified =
        new(FailureKind.Forbidden, "Email not verified", "Verify your email with the code we sent before logging in.");

    public async Task<UseCaseResult<TokenPair>> LoginAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
        var attempt = await throttle.BeginAsync(email);
        if (attempt.IsLocked)
        {
            var lockedUserId = await db.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
            await audit.RecordNowAsync(new AuditEntry(AuditActions.Login, AuditOutcome.Refused, lockedUserId, Reason: "locked"), cancellationToken);
            return Locked(attempt.RetryAfter);
        }

        if (attempt.Delay > TimeSpan.Zero)
        {
            await Task.Delay(attempt.Delay, time, cancellationToken);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (!passwords.Verify(request.Password ?? string.Empty, user?.PasswordHash) || user is null)
        {
            return await FailAsync(email, attempt, user, cancellationToken);
        }

        await throttle.SucceededAsync(email);
        if (!user.IsEmailVerified)
        {
            await audit.RecordNowAsync(new AuditEntry(AuditActions.Login, AuditOutcome.Refused, user.Id, Reason: "email-not-verified"), cancellationToken);
            return EmailNotVerified;
        }

        // A hash made at a lower cost than configured, or a name under a retired key, is upgraded while we have them.
        if (passwords.NeedsRehash(user.PasswordHash))
        {
            user.ChangePasswordHash(passwords.Hash(request.Password!));
        }

        reEncryptor.ReEncryptIfStale(user);
        user.RecordLogin(time.GetUtcNow());
        audit.Record(new AuditEntry(AuditActions.Login, AuditOutcome.Success, user.Id));
        return await sessions.StartAsync(user, cancellationToken);
    }

    private async Task<UseCaseFailure> FailAsync(string email, LoginAttempt attempt, User? user, CancellationToken cancellationToken)
    {
        var lockedFor = await throttle.FailedAsync(email, attempt);
        audit.Record(new AuditEntry(AuditActions.Login, AuditOutcome.Failure, user?.Id, Reason: user is null ? "unknown-account" : "wrong-password"));
        if (lockedFor is not null)
        {
            audit.Record(new AuditEntry(AuditActions.Lockout, AuditOutcome.Success, user?.Id,
                Resource: user is null ? null : $"user/{user.Id}", Reason: $"{attempt.Number}-failures"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return lockedFor is { } wait ? Locked(wait) : WrongCredentials;
    }

    private static UseCaseFailure Locked(TimeSpan retryAfter) => new(FailureKind.Locked, "Account locked",
        $"Too many failed logins. Try again in {UseCaseFailure.WholeSeconds(retryAfter)} seconds, or reset your password.",
        RetryAfter: retryAfter);
}

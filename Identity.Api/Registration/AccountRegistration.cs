using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus.Outbox;
using ClosetConnect.Identity.Audit;
using ClosetConnect.Identity.Mail;
using ClosetConnect.Identity.Passwords;
using ClosetConnect.Identity.PersonalData;
using MySqlConnector;

namespace ClosetConnect.Identity.Registration;

/// <summary>
/// Creates an unverified account and mails its verification code; <c>identity.user-registered</c> leaves through the
/// outbox in the same commit.
/// </summary>
public sealed class AccountRegistration(
    IdentityDbContext db, PasswordHasher passwords, FieldEncryptor encryptor, AccountMail mail, AuditLog audit, TimeProvider time)
{
    public static readonly UseCaseFailure AccountExists =
        UseCaseFailure.Conflict("An account with this email or username already exists.") with { Title = "Account exists" };

    public async Task<UseCaseResult<RegisteredResponse>> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var errors = RegistrationRequestValidator.Validate(request);
        if (errors.Count > 0)
        {
            return UseCaseFailure.Invalid(errors);
        }

        var email = EmailAddress.Normalize(request.Email);
        var username = request.Username!;
        if (await db.Users.AnyAsync(u => u.Email == email || u.Username == username, cancellationToken))
        {
            return AccountExists;
        }

        var now = time.GetUtcNow();
        var user = User.Register(email, username, encryptor.Encrypt(request.FullName!.Trim()), passwords.Hash(request.Password!), now);
        var (code, clearCode) = EmailVerificationCode.Issue(user.Id, now);
        db.Users.Add(user);
        db.EmailVerificationCodes.Add(code);
        db.AddIntegrationEvent(new UserRegisteredEvent(user.Id, user.Username) { OccurredAt = now });
        audit.Record(new AuditEntry(AuditActions.Register, AuditOutcome.Success, user.Id, Resource: $"user/{user.Id}"));

        // Mail first: if the commit then fails, the mailed code is merely useless; the reverse would strand the account.
        await mail.SendVerificationCodeAsync(email, username, clearCode, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry })
        {
            return AccountExists;
        }

        return new RegisteredResponse(user.Id);
    }
}

namespace ClosetConnect.Identity.Mail;

/// <summary>The mails <see cref="IAccountMailLimiter"/> counts separately.</summary>
public enum AccountMailPurpose
{
    VerificationCode,
    PasswordReset,
}

using MimeKit;

namespace ClosetConnect.Identity.Mail;

/// <summary>The messages Identity sends, composed in one place.</summary>
public sealed class AccountMail(IEmailSender sender, IOptions<EmailOptions> options)
{
    public Task SendVerificationCodeAsync(string to, string username, string code, CancellationToken cancellationToken)
    {
        var message = Compose(to, "Your ClosetConnect verification code",
            $"""
            Hello {username},

            Your ClosetConnect verification code is {code}.
            It expires in {EmailVerificationCode.Lifetime.TotalMinutes:0} minutes and can be used once.

            If you did not create an account, ignore this message.
            """);
        return sender.SendAsync(message, cancellationToken);
    }

    public Task SendPasswordResetAsync(string to, string username, string token, CancellationToken cancellationToken)
    {
        var message = Compose(to, "Reset your ClosetConnect password",
            $"""
            Hello {username},

            Someone asked to reset the password of your ClosetConnect account.
            Your reset token: {token}
            It expires in {PasswordResetToken.Lifetime.TotalMinutes:0} minutes and can be used once.

            If it was not you, ignore this message: your password stays as it is.
            """);
        return sender.SendAsync(message, cancellationToken);
    }

    private MimeMessage Compose(string to, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}

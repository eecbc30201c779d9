using MimeKit;

namespace ClosetConnect.Identity.Mail;

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

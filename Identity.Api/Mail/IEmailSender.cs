using MimeKit;

namespace ClosetConnect.Identity.Infrastructure.Email;

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

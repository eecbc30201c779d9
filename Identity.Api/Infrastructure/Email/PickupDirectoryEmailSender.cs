using ClosetConnect.Identity.Mail;
using MimeKit;

namespace ClosetConnect.Identity.Infrastructure.Email;

/// <summary>The development mailbox: one <c>.eml</c> file per message, written atomically (temp file, then rename).</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider time) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = options.Value.PickupDirectory!;
        Directory.CreateDirectory(directory);
        var name = $"{time.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name + ".eml"));
    }
}

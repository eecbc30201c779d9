using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Identity.Mail;

/// <summary>
/// Section <c>Email</c>. With <see cref="PickupDirectory"/> set (development), each message is written there as an
/// RFC 5322 <c>.eml</c> file; otherwise it goes out through the SMTP server.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Email";

    [Required, EmailAddress]
    public string From { get; set; } = "no-reply@closetconnect.local";

    public string FromName { get; set; } = "ClosetConnect";

    public string? PickupDirectory { get; set; }

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PickupDirectory) && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult(
                $"Set {SectionName}:SmtpHost (or {SectionName}:PickupDirectory in development) so codes can be mailed.",
                [nameof(SmtpHost)]);
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Identity.Mail;

/// <summary>Section <c>MailRateLimit</c>: how often one address can be sent a verification code or a reset link.</summary>
public sealed class MailRateLimitOptions
{
    public const string SectionName = "MailRateLimit";

    [Range(1, 100, ErrorMessage = "MailRateLimit:PerMinute must be between 1 and 100.")]
    public int PerMinute { get; set; } = 1;

    [Range(1, 1000, ErrorMessage = "MailRateLimit:PerHour must be between 1 and 1000.")]
    public int PerHour { get; set; } = 5;
}

namespace ClosetConnect.Identity.Mail;

/// <summary>
/// Caps how many verification codes or reset links one address is sent (<see cref="MailRateLimitOptions"/>, per
/// minute and per hour, shared by every replica), so the endpoints cannot flood a mailbox or grind through codes.
/// </summary>
public interface IAccountMailLimiter
{
    /// <summary>Null when a mail may be sent now (and counts it); otherwise how long until the next one may.</summary>
    Task<TimeSpan?> TryAcquireAsync(AccountMailPurpose purpose, string normalizedEmail);
}

using ClosetConnect.Identity.Application.Security;
using StackExchange.Redis;

namespace ClosetConnect.Identity.Infrastructure.Security;

public enum AccountMailPurpose
{
    VerificationCode,
    PasswordReset,
}

/// <summary>
/// Caps how many verification codes or reset links one address is sent (per minute and per hour, in Redis), so the
/// endpoints cannot be used to flood someone's mailbox or to grind through codes.
/// </summary>
public sealed class AccountMailLimiter(IConnectionMultiplexer redis, IOptions<MailRateLimitOptions> options)
{
    /// <summary>Null when a mail may be sent now (and counts it); otherwise how long until the next one may.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(AccountMailPurpose purpose, string normalizedEmail)
    {
        var db = redis.GetDatabase();
        var prefix = $"identity:mail:{purpose.ToString().ToLowerInvariant()}:{RedisCounters.AccountKey(normalizedEmail)}";
        foreach (var (suffix, window, limit) in new[]
        {
            ("minute", TimeSpan.FromMinutes(1), options.Value.PerMinute),
            ("hour", TimeSpan.FromHours(1), options.Value.PerHour),
        })
        {
            var key = $"{prefix}:{suffix}";
            if (await db.IncrementInWindowAsync(key, window) > limit)
            {
                var left = await db.TimeLeftAsync(key);
                return left > TimeSpan.Zero ? left : window;
            }
        }

        return null;
    }
}

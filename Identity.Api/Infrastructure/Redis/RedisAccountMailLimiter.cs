using ClosetConnect.Identity.Mail;
using StackExchange.Redis;

namespace ClosetConnect.Identity.Infrastructure.Redis;

/// <summary>The mail limiter in Redis: one fixed-window counter per purpose, address hash and window.</summary>
internal sealed class RedisAccountMailLimiter(IConnectionMultiplexer redis, IOptions<MailRateLimitOptions> options) : IAccountMailLimiter
{
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

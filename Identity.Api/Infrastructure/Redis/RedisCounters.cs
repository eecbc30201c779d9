using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace ClosetConnect.Identity.Infrastructure.Redis;

/// <summary>Fixed-window counters in Redis, shared by every Identity replica.</summary>
internal static class RedisCounters
{
    // INCR and the window's expiry in one step, so a crash between them cannot leave a counter that never expires.
    private static readonly LuaScript IncrementInWindowScript = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) if n == 1 then redis.call('PEXPIRE', @key, @windowMs) end return n");

    public static async Task<long> IncrementInWindowAsync(this IDatabase redis, string key, TimeSpan window) =>
        (long)await redis.ScriptEvaluateAsync(IncrementInWindowScript, new { key = (RedisKey)key, windowMs = (long)window.TotalMilliseconds });

    /// <summary>The time left before <paramref name="key"/> expires; zero when it does not exist.</summary>
    public static async Task<TimeSpan> TimeLeftAsync(this IDatabase redis, string key) =>
        await redis.KeyTimeToLiveAsync(key) is { } ttl && ttl > TimeSpan.Zero ? ttl : TimeSpan.Zero;

    /// <summary>
    /// Counters are kept per account but keyed by a hash of the normalised email, so Redis holds no address, and an
    /// email without an account is counted (and locked) exactly like one with: the answers reveal nothing.
    /// </summary>
    public static string AccountKey(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("account:" + normalizedEmail)))[..40];
}

using ClosetConnect.Identity.Login;
using StackExchange.Redis;

namespace ClosetConnect.Identity.Infrastructure.Redis;

/// <summary>The login throttle in Redis: counters and locks under a hash of the address, with expiry.</summary>
internal sealed class RedisLoginThrottle(IConnectionMultiplexer redis, IOptions<LoginProtectionOptions> options) : ILoginThrottle
{
    private LoginProtectionOptions Settings => options.Value;

    public async Task<LoginAttempt> BeginAsync(string normalizedEmail)
    {
        var db = redis.GetDatabase();
        var account = RedisCounters.AccountKey(normalizedEmail);
        if (await db.TimeLeftAsync(LockKey(account)) is { } locked && locked > TimeSpan.Zero)
        {
            return new LoginAttempt(IsLocked: true, locked, 0, TimeSpan.Zero);
        }

        var number = (int)await db.IncrementInWindowAsync(AttemptsKey(account), Settings.FailureWindow);
        if (number > Settings.MaxFailures)
        {
            // More guesses raced in than the limit allows: lock now rather than check another password.
            var retryAfter = await LockAsync(db, account);
            return new LoginAttempt(IsLocked: true, retryAfter, number, TimeSpan.Zero);
        }

        return new LoginAttempt(IsLocked: false, TimeSpan.Zero, number, Settings.DelayAfter(number - 1));
    }

    public async Task<TimeSpan?> FailedAsync(string normalizedEmail, LoginAttempt attempt)
    {
        if (attempt.Number < Settings.MaxFailures)
        {
            return null;
        }

        return await LockAsync(redis.GetDatabase(), RedisCounters.AccountKey(normalizedEmail));
    }

    public Task SucceededAsync(string normalizedEmail) =>
        redis.GetDatabase().KeyDeleteAsync(AttemptsKey(RedisCounters.AccountKey(normalizedEmail)));

    public async Task<bool> UnlockAsync(string normalizedEmail)
    {
        var account = RedisCounters.AccountKey(normalizedEmail);
        return await redis.GetDatabase().KeyDeleteAsync([LockKey(account), AttemptsKey(account)]) > 0;
    }

    private async Task<TimeSpan> LockAsync(IDatabase db, string account)
    {
        // NX: a lock already in place keeps its end time; later attempts do not extend it.
        await db.StringSetAsync(LockKey(account), "1", Settings.LockoutDuration, When.NotExists);
        await db.KeyDeleteAsync(AttemptsKey(account));
        var left = await db.TimeLeftAsync(LockKey(account));
        return left > TimeSpan.Zero ? left : Settings.LockoutDuration;
    }

    private static string AttemptsKey(string account) => $"identity:login:attempts:{account}";

    private static string LockKey(string account) => $"identity:login:lock:{account}";
}

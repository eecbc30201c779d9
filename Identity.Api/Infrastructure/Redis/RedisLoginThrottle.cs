using ClosetConnect.Identity.Application.Security;
using StackExchange.Redis;

namespace ClosetConnect.Identity.Infrastructure.Security;

/// <summary>What to do with a login attempt before the password is checked.</summary>
public sealed record LoginAttempt(bool IsLocked, TimeSpan RetryAfter, int Number, TimeSpan Delay);

/// <summary>
/// Failed logins per account in Redis: each attempt is counted before the password is checked (so parallel guesses
/// cannot slip past the limit), a success clears the count, the attempt after a failure waits progressively longer,
/// and the <see cref="LoginProtectionOptions.MaxFailures"/>th failure locks the account for
/// <see cref="LoginProtectionOptions.LockoutDuration"/>.
/// </summary>
public sealed class LoginThrottle(IConnectionMultiplexer redis, IOptions<LoginProtectionOptions> options)
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

    /// <summary>Counts the failure (already counted by <see cref="BeginAsync"/>); locks at the limit and says for how long.</summary>
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

    /// <summary>Lifts a lock and forgets the failures (an admin's unlock, or a completed password reset).</summary>
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

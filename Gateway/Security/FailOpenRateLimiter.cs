using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ClosetConnect.Gateway.Security;

/// <summary>
/// One partition's Redis limiter that lets the request through when Redis cannot decide (disconnected, failing, or
/// slower than <see cref="RateLimitingOptions.StoreTimeout"/>): the API stays up with its limits suspended rather than
/// answering 500 to everyone, and <see cref="RateLimitStoreOutage"/> makes that visible.
/// </summary>
internal sealed class FailOpenRateLimiter(RateLimiter redisLimiter, IConnectionMultiplexer redis, TimeSpan timeout, string policy, RateLimitStoreOutage outage)
    : RateLimiter
{
    public override TimeSpan? IdleDuration => redisLimiter.IdleDuration;

    // RedisRateLimiting's limiters throw NotImplementedException here.
    public override RateLimiterStatistics? GetStatistics() => null;

    // Redis cannot answer synchronously: RedisRateLimiting refuses every attempt, and ASP.NET Core then awaits AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => redisLimiter.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        // Disconnected, StackExchange.Redis would queue the script until its own timeout (5 s) for every request.
        if (!redis.IsConnected)
        {
            return outage.LetThrough(policy, error: null);
        }

        try
        {
            return await redisLimiter.AcquireAsync(permitCount, cancellationToken).AsTask().WaitAsync(timeout, cancellationToken);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            return outage.LetThrough(policy, error);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            redisLimiter.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore() => redisLimiter.DisposeAsync();
}

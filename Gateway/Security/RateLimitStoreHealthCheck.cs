using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ClosetConnect.Gateway.Security;

/// <summary>
/// Degraded, never Unhealthy, while the rate limiter cannot use Redis: readiness stays green so every replica keeps
/// serving (the limits fail open), and <c>/health</c> and <c>/api/v1/health</c> say that the gateway is degraded.
/// </summary>
internal sealed class RateLimitStoreHealthCheck(IConnectionMultiplexer redis, RateLimitStoreOutage outage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !redis.IsConnected ? HealthCheckResult.Degraded("Redis is unreachable: rate limits are not enforced.")
            : outage.IsRecent ? HealthCheckResult.Degraded("Redis failed to answer the rate limiter within the last minute.")
            : HealthCheckResult.Healthy());
}

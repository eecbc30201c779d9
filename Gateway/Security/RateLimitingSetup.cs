using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;
using Yarp.ReverseProxy.Model;

namespace ClosetConnect.Gateway.Security;

/// <summary>
/// ASP.NET Core's rate limiter with its counters in Redis, so every gateway replica draws on the same allowance:
/// partitioned by client IP (the forwarded one only when it comes from a trusted proxy), a token bucket for the API in
/// general, a strict window for credential endpoints and one for Toss's webhooks. Refusals are 429 problem+json with
/// <c>Retry-After</c>. Probes are never limited. When Redis cannot decide, requests go through (see
/// <see cref="FailOpenRateLimiter"/>).
/// </summary>
public static class RateLimitingSetup
{
    public const string CredentialsPolicy = "credentials";
    public const string WebhooksPolicy = "webhooks";

    /// <summary>The Redis that the AppHost references as <c>cache</c> (<c>ConnectionStrings:cache</c>).</summary>
    public const string RedisConnectionName = "cache";

    private const string ApiPolicy = "api";

    public static IHostApplicationBuilder AddEdgeRateLimiting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<RateLimitingOptions>(RateLimitingOptions.SectionName);

        // Aspire's Redis health check reports Unhealthy, which would take every replica out of service when Redis
        // fails; the limiter fails open instead, so its health check reports Degraded.
        builder.AddRedisClient(RedisConnectionName, settings => settings.DisableHealthChecks = true);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitStoreOutage>();
        services.AddHealthChecks().AddCheck<RateLimitStoreHealthCheck>("rate-limit-store");

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>, IConnectionMultiplexer, RateLimitStoreOutage>(
            (limiter, settings, redis, outage) =>
            {
                var limits = settings.Value;
                RateLimitPartition<string> Partition(string policy, string key, Func<string, RateLimiter> createRedisLimiter) =>
                    RateLimitPartition.Get($"gateway:{policy}:{key}", partitionKey =>
                        new FailOpenRateLimiter(createRedisLimiter(partitionKey), redis, limits.StoreTimeout, policy, outage));
                RateLimitPartition<string> FixedWindow(string policy, string key, int permitsPerMinute) =>
                    Partition(policy, key, partitionKey => new RedisFixedWindowRateLimiter<string>(partitionKey, new RedisFixedWindowRateLimiterOptions
                    {
                        ConnectionMultiplexerFactory = () => redis,
                        PermitLimit = permitsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    }));

                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = WriteRejectionAsync;
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    ServiceDefaultsExtensions.IsHealthRequest(context.Request.Path)
                        ? RateLimitPartition.GetNoLimiter("probes")
                        : Partition(ApiPolicy, ClientKey(context), partitionKey => new RedisTokenBucketRateLimiter<string>(partitionKey, new RedisTokenBucketRateLimiterOptions
                        {
                            ConnectionMultiplexerFactory = () => redis,
                            TokenLimit = limits.Burst,
                            TokensPerPeriod = limits.PermitsPerSecond,
                            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        })));
                // Each credential endpoint has its own window per client: failed logins do not block a registration.
                limiter.AddPolicy(CredentialsPolicy, context =>
                    FixedWindow(CredentialsPolicy, $"{RouteId(context)}:{ClientKey(context)}", limits.CredentialAttemptsPerMinute));
                // Webhooks are unauthenticated: each one makes Payments read a payment from Toss, so they are capped per sender.
                limiter.AddPolicy(WebhooksPolicy, context => FixedWindow(WebhooksPolicy, ClientKey(context), limits.WebhooksPerMinute));
            });
        return builder;
    }

    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // The YARP route (the policy is set on routes only), not the path: routing ignores case, so /API/v1/auth/LOGIN
    // would otherwise open a window of its own.
    private static string RouteId(HttpContext context) =>
        context.GetEndpoint()!.Metadata.GetRequiredMetadata<RouteModel>().Config.RouteId;

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejection, CancellationToken cancellationToken)
    {
        // RedisRateLimiting's leases carry whole seconds under their own metadata name, not ASP.NET Core's RetryAfter.
        var seconds = rejection.Lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var wait) ? Math.Max(1, wait) : 1;
        var response = rejection.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await rejection.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = rejection.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Slow down: try again in {seconds} s.",
            },
        });
    }
}

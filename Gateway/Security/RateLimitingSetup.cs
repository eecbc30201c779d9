using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ClosetConnect.Gateway.Security;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by client IP (the forwarded one only when it comes from a trusted proxy):
/// a token bucket for the API in general, a strict window for credential endpoints and one for Toss's webhooks. Refusals are 429 problem+json
/// with <c>Retry-After</c>. Probes are never limited.
/// </summary>
public static class RateLimitingSetup
{
    public const string CredentialsPolicy = "credentials";
    public const string WebhooksPolicy = "webhooks";

    public static IServiceCollection AddEdgeRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                ServiceDefaultsExtensions.IsHealthRequest(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("probes")
                    : RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            // Each credential endpoint has its own window per client: failed logins do not block a registration.
            limiter.AddPolicy(CredentialsPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter($"{context.Request.Path}|{ClientKey(context)}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.CredentialAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            // Webhooks are unauthenticated: each one makes Payments read a payment from Toss, so they are capped per sender.
            limiter.AddPolicy(WebhooksPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter($"webhooks|{ClientKey(context)}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.WebhooksPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }

    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejection, CancellationToken cancellationToken)
    {
        var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
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

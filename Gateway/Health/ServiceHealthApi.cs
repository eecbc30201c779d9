using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClosetConnect.Gateway.Health;

/// <summary>Which services <c>/api/v1/health</c> asks (section <c>ServiceHealth</c>): name → base address.</summary>
public sealed class ServiceHealthOptions
{
    public const string SectionName = "ServiceHealth";

    public Dictionary<string, string> Services { get; set; } = [];

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);
}

public sealed record ServiceStatus(string Status, long DurationMs);

public sealed record SystemHealth(string Status, IReadOnlyDictionary<string, ServiceStatus> Services);

/// <summary>
/// <c>GET /api/v1/health</c>: the gateway's own checks and every service's <c>/health</c>, asked in parallel. 200 when
/// all are healthy or the gateway is only degraded (its rate limits without Redis), 503 otherwise; it names services
/// and states only, never internals.
/// </summary>
public static class ServiceHealthApi
{
    private const string HttpClientName = "service-health";

    public static IHostApplicationBuilder AddServiceHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceHealthOptions>().BindConfiguration(ServiceHealthOptions.SectionName);
        // A probe must answer fast and truthfully: no retries (a 503 would be retried), one short timeout.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented opt-out.
        builder.Services.AddHttpClient(HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }

    public static IEndpointRouteBuilder MapServiceHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/health", GetSystemHealthAsync).WithTags("Health");
        return app;
    }

    public static async Task<IResult> GetSystemHealthAsync(
        IHttpClientFactory httpClients, HealthCheckService gatewayChecks, Microsoft.Extensions.Options.IOptions<ServiceHealthOptions> options,
        CancellationToken cancellationToken)
    {
        // The gateway's own checks answer from memory (the rate limiter's Redis connection state).
        var gateway = await gatewayChecks.CheckHealthAsync(cancellationToken);
        var client = httpClients.CreateClient(HttpClientName);
        client.Timeout = options.Value.Timeout;
        var checks = options.Value.Services.Select(async service =>
        {
            var stopwatch = Stopwatch.StartNew();
            string status;
            try
            {
                using var response = await client.GetAsync(new Uri(new Uri(service.Value), "/health"), cancellationToken);
                status = response.IsSuccessStatusCode ? "Healthy" : "Unhealthy";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                status = "Unreachable";
            }

            return (service.Key, new ServiceStatus(status, stopwatch.ElapsedMilliseconds));
        });

        var results = (await Task.WhenAll(checks)).ToDictionary(r => r.Key, r => r.Item2);
        results["gateway"] = new ServiceStatus(gateway.Status.ToString(), (long)gateway.TotalDuration.TotalMilliseconds);
        var overall = results.Values.All(s => s.Status == nameof(HealthStatus.Healthy)) ? HealthStatus.Healthy
            : results.Values.All(s => s.Status is nameof(HealthStatus.Healthy) or nameof(HealthStatus.Degraded)) ? HealthStatus.Degraded
            : HealthStatus.Unhealthy;
        return TypedResults.Json(
            new SystemHealth(overall.ToString(), results),
            statusCode: overall == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}

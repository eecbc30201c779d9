using System.Diagnostics;

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
/// <c>GET /api/v1/health</c>: the gateway and every service's <c>/health</c>, asked in parallel. 200 when all are
/// healthy, 503 otherwise; it names services and states only, never internals.
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
        IHttpClientFactory httpClients, Microsoft.Extensions.Options.IOptions<ServiceHealthOptions> options, CancellationToken cancellationToken)
    {
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
        results["gateway"] = new ServiceStatus("Healthy", 0);
        var healthy = results.Values.All(s => s.Status == "Healthy");
        return TypedResults.Json(
            new SystemHealth(healthy ? "Healthy" : "Unhealthy", results),
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

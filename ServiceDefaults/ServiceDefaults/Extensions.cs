using ClosetConnect.ServiceDefaults;
using ClosetConnect.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every ClosetConnect service shares: telemetry, health, service discovery and resilient HTTP.
/// Shaped like the Aspire service defaults template, so a stock Aspire AppHost could run the services unchanged.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string OpenApiPath = "/openapi/v1.json";
    public const string AlivePath = "/alive";
    public const string RequestIdHeader = "X-Request-ID";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddEnvironmentConfiguration();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status);
            if (context.HttpContext.Request.Headers.TryGetValue(RequestIdHeader, out var requestId))
            {
                context.ProblemDetails.Extensions["requestId"] = requestId.ToString();
            }
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Clients reach every service through the gateway, which serves the documents: no server list, so tools
        // send requests to the origin the document came from.
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = [];
            return Task.CompletedTask;
        }));

        // No "Server: Kestrel" banner on any response.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddLogRedaction();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Instrumentation.MeterName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(Instrumentation.ActivitySourceName)
                .AddSource("MySqlConnector")
                .AddAspNetCoreInstrumentation(aspnet =>
                    // Probes hit these every few seconds; they would drown the traces that matter.
                    aspnet.Filter = context => !IsHealthRequest(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness: every dependency) and <c>/alive</c> (liveness: the process itself) in every
    /// environment, because Kubernetes probes need them everywhere. They answer a bare status, never internals. In
    /// Development the service's OpenAPI document is at <c>/openapi/v1.json</c> (the gateway's <c>/docs</c> shows them all).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath).DisableHttpMetrics();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .DisableHttpMetrics();
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi(OpenApiPath);
        }
        return app;
    }

    // Framework-produced problems (routing, content negotiation) say what to do, like ours.
    private static string? DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status404NotFound => "There is no such resource, or it is not yours.",
        StatusCodes.Status405MethodNotAllowed => "This resource does not support that HTTP method.",
        StatusCodes.Status415UnsupportedMediaType => "This endpoint does not accept the request's Content-Type.",
        StatusCodes.Status500InternalServerError => "Something went wrong on our side; the request id identifies it for support.",
        _ => null,
    };

    public static bool IsHealthRequest(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);
}

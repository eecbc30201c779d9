using ClosetConnect.ServiceDefaults.Networking;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace ClosetConnect.Gateway.Security;

/// <summary>Forwarded headers from trusted proxies only, CORS for configured origins, and the request-size limits.</summary>
public static class EdgeSecuritySetup
{
    public static IHostApplicationBuilder AddEdgeSecurity(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeRateLimiting();
        builder.Services.AddValidatedOptions<RequestLimitsOptions>(RequestLimitsOptions.SectionName);

        // The client's address, which the limits partition by, from the ingress controller only.
        builder.AddTrustedForwardedHeaders();

        builder.Services.AddOptions<AllowedOriginsOptions>().BindConfiguration(AllowedOriginsOptions.SectionName);
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>()
            .Configure<IOptions<AllowedOriginsOptions>>((cors, allowed) => cors.AddDefaultPolicy(policy => policy
                .WithOrigins(allowed.Value.AllowedOrigins)
                .AllowCredentials()
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type")
                .WithExposedHeaders(ServiceDefaultsExtensions.RequestIdHeader)));

        return builder;
    }

    /// <summary>Order matters: the client IP is settled first, every response gets the headers, limits come before proxying.</summary>
    public static WebApplication UseEdgeSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    public static WebApplication UseEdgeLimits(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ClosetConnect.Gateway.Security;

/// <summary>Forwarded headers from trusted proxies only, CORS for configured origins, and the request-size limits.</summary>
public static class EdgeSecuritySetup
{
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    public static IHostApplicationBuilder AddEdgeSecurity(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeRateLimiting();
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        // X-Forwarded-For is believed only from these proxies (the ingress controller); ASP.NET Core's default is loopback.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var section = builder.Configuration.GetSection(ForwardedHeadersSection);
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddOptions<CorsOptions>().BindConfiguration(CorsOptions.SectionName);
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<CorsOptions>>((cors, allowed) => cors.AddDefaultPolicy(policy => policy
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

using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace ClosetConnect.Gateway.ApiDocs;

/// <summary>
/// <c>/docs</c> in Development: a Scalar API reference over every service's OpenAPI document (the gateway's own and
/// those of <see cref="ApiDocsOptions"/>, proxied from the services). Other environments publish no documents.
/// </summary>
public static class ApiDocsEndpoints
{
    public const string Path = "/docs";

    public static IHostApplicationBuilder AddApiDocs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiDocsOptions>().BindConfiguration(ApiDocsOptions.SectionName);
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }
        var documents = app.Services.GetRequiredService<IOptions<ApiDocsOptions>>().Value.Documents;
        app.MapScalarApiReference(Path, scalar =>
        {
            scalar.WithTitle("ClosetConnect API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
            foreach (var (name, title) in documents)
            {
                scalar.AddDocument(name, title);
            }
            scalar.AddDocument("gateway", "Gateway", ServiceDefaultsExtensions.OpenApiPath);
        }).WithMetadata(ContentSecurityPolicyMetadata.ApiReference);
        return app;
    }
}

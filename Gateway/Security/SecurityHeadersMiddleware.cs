using ClosetConnect.Gateway.ApiDocs;

namespace ClosetConnect.Gateway.Security;

/// <summary>
/// The headers every API response carries, whatever produced it (the gateway or a proxied service): no sniffing, no
/// framing, no referrer, a CSP that allows nothing (a page endpoint names its own with
/// <see cref="ContentSecurityPolicyMetadata"/>), HSTS over HTTPS, and no <c>Server</c> banner.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyMetadata>()?.Policy
                ?? "default-src 'none'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            return Task.CompletedTask;
        });
        return next(context);
    }
}

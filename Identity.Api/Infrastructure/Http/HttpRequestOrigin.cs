using ClosetConnect.Identity.Audit;

namespace ClosetConnect.Identity.Infrastructure.Http;

public static class HttpRequestOrigin
{
    private const int MaxRequestIdLength = 64;

    /// <summary>
    /// The client's address (as the gateway forwarded it) and the gateway's request id, else this service's trace
    /// identifier; <see cref="RequestOrigin.None"/> outside a request.
    /// </summary>
    public static RequestOrigin Of(HttpContext? context)
    {
        if (context is null)
        {
            return RequestOrigin.None;
        }

        var header = context.Request.Headers[ServiceDefaultsExtensions.RequestIdHeader].ToString();
        var requestId = header.Length > 0 ? header[..Math.Min(header.Length, MaxRequestIdLength)] : context.TraceIdentifier;
        return new RequestOrigin(context.Connection.RemoteIpAddress?.ToString(), requestId);
    }
}

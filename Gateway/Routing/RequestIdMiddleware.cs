using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ClosetConnect.Gateway.Routing;

/// <summary>
/// Every request gets an <c>X-Request-ID</c>: the client's when it is well-formed, else a new one. It is forwarded to
/// the services, echoed on the response, and scoped onto every log line of the request.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    private const string Header = ServiceDefaultsExtensions.RequestIdHeader;

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[Header].ToString();
        if (!ValidRequestId().IsMatch(requestId))
        {
            requestId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
            context.Request.Headers[Header] = requestId;
        }

        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = requestId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId }))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex ValidRequestId();
}

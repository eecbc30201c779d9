using System.Diagnostics;

namespace ClosetConnect.TossSimulator.Api;

/// <summary>
/// Every response carries <c>X-TossPayments-Trace-Id</c>, as Toss's do. It is the OpenTelemetry trace id, so a trace id a
/// client logs finds the request in the Aspire dashboard.
/// </summary>
public sealed class TraceIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-TossPayments-Trace-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var traceId = Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
        context.Response.Headers[HeaderName] = traceId;
        // The exception handler clears headers before it writes; put the id back on whatever goes out.
        context.Response.OnStarting(() =>
        {
            if (!context.Response.Headers.ContainsKey(HeaderName))
            {
                context.Response.Headers[HeaderName] = traceId;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

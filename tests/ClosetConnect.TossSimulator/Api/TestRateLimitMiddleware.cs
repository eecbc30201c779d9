using System.Collections.Concurrent;
using ClosetConnect.TossSimulator.Configuration;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Api;

/// <summary>
/// Toss's test environment allows about 100 requests a minute per API. Off unless <c>Simulator:RateLimitPerMinute</c> is set;
/// a fixed window per secret key and endpoint, on the simulator clock.
/// </summary>
public sealed class TestRateLimitMiddleware(RequestDelegate next, IOptionsMonitor<SimulatorOptions> options, TossResults results, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Key, string Endpoint), Window> windows = new();

    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.CurrentValue.RateLimitPerMinute;
        if (limit <= 0)
        {
            return next(context);
        }
        var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = windows.AddOrUpdate(
            (AuthenticatedSecretKey.Of(context).Value, $"{context.Request.Method} {endpoint}"),
            _ => new Window(minute, 1),
            (_, current) => current.Minute == minute ? current with { Count = current.Count + 1 } : new Window(minute, 1));
        return window.Count > limit ? results.WriteErrorAsync(context, options.CurrentValue.RateLimitCode) : next(context);
    }

    private sealed record Window(long Minute, int Count);
}

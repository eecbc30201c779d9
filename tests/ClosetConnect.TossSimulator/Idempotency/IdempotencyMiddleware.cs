using ClosetConnect.TossSimulator.Api;
using Microsoft.Net.Http.Headers;

namespace ClosetConnect.TossSimulator.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a POST: the first request runs and its whole answer (status, headers, body; 4xx included) is
/// recorded; repeats within 15 days get that answer again byte for byte and run nothing, while the first is still
/// running they get 409 IDEMPOTENT_REQUEST_PROCESSING. The key is echoed as <c>idempotency-key</c>; a replay's trace id is
/// "new, original", as observed on Toss. GET ignores the header.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, TossResults results)
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 300;

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0)
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength)
        {
            await results.WriteErrorAsync(context, "INVALID_IDEMPOTENCY_KEY");
            return;
        }

        var secretKey = AuthenticatedSecretKey.Of(context).Value;
        var identity = new IdempotencyIdentity(key, secretKey, context.Request.Method, context.Request.PathBase + context.Request.Path);
        var claim = store.Claim(identity);
        switch (claim.Kind)
        {
            case IdempotencyClaimKind.InProgress:
                context.Response.Headers[HeaderName.ToLowerInvariant()] = key;
                await results.WriteErrorAsync(context, "IDEMPOTENT_REQUEST_PROCESSING");
                return;
            case IdempotencyClaimKind.Replay:
                await ReplayAsync(context, claim.Response!);
                return;
            default:
                await RunAndRecordAsync(context, identity, key);
                return;
        }
    }

    private async Task RunAndRecordAsync(HttpContext context, IdempotencyIdentity identity, string key)
    {
        context.Response.Headers[HeaderName.ToLowerInvariant()] = key;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            store.Abandon(identity);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        var headers = context.Response.Headers
            .Where(h => !IsPerResponse(h.Key))
            .Select(h => KeyValuePair.Create(h.Key, h.Value))
            .ToList();
        store.Complete(identity, new RecordedResponse(context.Response.StatusCode, headers, body, context.Response.Headers[TraceIdMiddleware.HeaderName].ToString()));

        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, RecordedResponse recorded)
    {
        var traceId = context.Response.Headers[TraceIdMiddleware.HeaderName].ToString();
        context.Response.StatusCode = recorded.StatusCode;
        foreach (var (name, value) in recorded.Headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.Headers[TraceIdMiddleware.HeaderName] = $"{traceId}, {recorded.TraceId}";
        context.Response.ContentLength = recorded.Body.Length;
        await context.Response.Body.WriteAsync(recorded.Body, context.RequestAborted);
    }

    private static bool IsPerResponse(string header) =>
        string.Equals(header, TraceIdMiddleware.HeaderName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, HeaderNames.Date, StringComparison.OrdinalIgnoreCase);
}

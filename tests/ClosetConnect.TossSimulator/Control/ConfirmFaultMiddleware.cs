using System.Text.Json;
using ClosetConnect.TossSimulator.Api;

namespace ClosetConnect.TossSimulator.Control;

/// <summary>
/// Applies an armed <see cref="ConfirmFault"/> to <c>POST /v1/payments/confirm</c>. It sits outside the idempotency
/// middleware, so a dropped response has still been recorded for its key, exactly as when a real answer is lost on the way.
/// </summary>
public sealed class ConfirmFaultMiddleware(RequestDelegate next, FaultRegistry faults)
{
    public const string ConfirmPath = "/v1/payments/confirm";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(ConfirmPath, StringComparison.OrdinalIgnoreCase)
            || await PeekOrderIdAsync(context.Request, context.RequestAborted) is not { } orderId
            || faults.Take(orderId) is not { } fault)
        {
            await next(context);
            return;
        }

        switch (fault.Kind)
        {
            case ConfirmFaultKind.DropRequest:
                context.Abort();
                return;
            case ConfirmFaultKind.Reject:
                context.Request.Headers[TestCodeMiddleware.HeaderName] = fault.Code;
                await next(context);
                return;
            case ConfirmFaultKind.Delay:
                // Waited for inside the idempotency middleware, so the key is held while it waits.
                context.Features.Set(new ConfirmDelay(fault.Delay));
                await next(context);
                return;
            default:
                // Nothing reaches the client: the answer goes nowhere, then the connection is cut.
                var original = context.Response.Body;
                context.Response.Body = Stream.Null;
                try
                {
                    await next(context);
                }
                finally
                {
                    context.Response.Body = original;
                }
                context.Abort();
                return;
        }
    }

    private static async Task<string?> PeekOrderIdAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("orderId", out var orderId)
                && orderId.ValueKind == JsonValueKind.String
                    ? orderId.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}

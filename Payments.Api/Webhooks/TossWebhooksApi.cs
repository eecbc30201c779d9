using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClosetConnect.Payments.Webhooks;

/// <summary>
/// Toss's <c>PAYMENT_STATUS_CHANGED</c> webhook. Toss signs none of these, so the body is only a hint: the payment is
/// re-read from Toss before anything changes. The endpoint stores a receipt and answers 200 at once (Toss wants an
/// answer within 10 s and retries anything else); a repeat of the same transmission is the same receipt.
/// </summary>
public static class TossWebhooksApi
{
    public const string PaymentStatusChanged = "PAYMENT_STATUS_CHANGED";
    private const string TransmissionIdHeader = "tosspayments-webhook-transmission-id";

    public static RouteHandlerBuilder MapTossWebhooksApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/payments/webhooks/toss", ReceiveAsync)
            .AllowAnonymous().WithTags("Webhooks").WithName("ReceiveTossWebhook")
            .WithSummary("Toss Payments → ClosetConnect: a payment's status changed (verified by re-reading the payment from Toss)")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64 * 1024));

    public static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        JsonElement body, HttpContext context, PaymentsDbContext db, WebhookSignal signal, TimeProvider time, ILogger<TossWebhookReceipt> logger, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("eventType", out var eventType) || eventType.ValueKind != JsonValueKind.String)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Toss webhook", detail: "The body has no eventType.");
        }

        if (eventType.GetString() != PaymentStatusChanged)
        {
            // Subscribed in Toss's developer center by mistake, or a new event type: acknowledged, nothing to do.
            logger.LogInformation("Ignored a Toss webhook of type {EventType}", eventType.GetString());
            return TypedResults.Ok();
        }

        if (!body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || Text(data, "paymentKey") is not { Length: > 0 and <= 200 } paymentKey || Text(data, "orderId") is not { Length: > 0 and <= 64 } orderId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Toss webhook", detail: "PAYMENT_STATUS_CHANGED needs data.paymentKey and data.orderId.");
        }

        var transmissionId = context.Request.Headers[TransmissionIdHeader].ToString() is { Length: > 0 and <= 100 } header
            ? header
            : "body:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.GetRawText())))[..60];
        if (!await db.TossWebhookReceipts.AnyAsync(r => r.TransmissionId == transmissionId, cancellationToken))
        {
            db.TossWebhookReceipts.Add(TossWebhookReceipt.Receive(transmissionId, paymentKey, orderId, time.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same transmission arriving twice at once: the other request stored it.
                if (!await db.TossWebhookReceipts.AsNoTracking().AnyAsync(r => r.TransmissionId == transmissionId, CancellationToken.None))
                {
                    throw;
                }
            }
        }

        signal.Notify();
        return TypedResults.Ok();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

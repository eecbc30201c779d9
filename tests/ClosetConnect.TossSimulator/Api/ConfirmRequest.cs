using System.Text.Json;

namespace ClosetConnect.TossSimulator.Api;

/// <summary>The body of <c>POST /v1/payments/confirm</c>: <c>{paymentKey, orderId, amount}</c>.</summary>
public sealed record ConfirmRequest(string PaymentKey, string OrderId, long Amount)
{
    public const int MaxPaymentKeyLength = 200;

    /// <summary>The request, or null when a field is missing or ill-typed (400 INVALID_REQUEST).</summary>
    public static ConfirmRequest? From(JsonElement? body)
    {
        if (body is not { } json
            || JsonBody.String(json, "paymentKey") is not { Length: > 0 and <= MaxPaymentKeyLength } paymentKey
            || JsonBody.String(json, "orderId") is not { Length: > 0 } orderId
            || JsonBody.Amount(json, "amount", out var amount) != AmountReading.Read)
        {
            return null;
        }
        return new ConfirmRequest(paymentKey, orderId, amount);
    }
}

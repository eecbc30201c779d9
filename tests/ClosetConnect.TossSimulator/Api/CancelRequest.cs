using System.Text.Json;

namespace ClosetConnect.TossSimulator.Api;

/// <summary>
/// The body of <c>POST /v1/payments/{paymentKey}/cancel</c>. No <c>cancelAmount</c> means a full cancel. <c>refundableAmount</c>
/// is Toss's deprecated optimistic check. Card payments only: <c>refundReceiveAccount</c>, <c>taxFreeAmount</c> and
/// <c>currency</c> are accepted and ignored.
/// </summary>
public sealed record CancelRequest(string CancelReason, long? CancelAmount, long? RefundableAmount)
{
    public const int MaxReasonLength = 200;

    /// <summary>The request, or null when <c>cancelReason</c> is missing or too long, or an amount is ill-typed (400 INVALID_REQUEST).</summary>
    public static CancelRequest? From(JsonElement? body)
    {
        if (body is not { } json || JsonBody.String(json, "cancelReason") is not { } reason || string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            return null;
        }
        var cancel = JsonBody.Amount(json, "cancelAmount", out var cancelAmount);
        var refundable = JsonBody.Amount(json, "refundableAmount", out var refundableAmount);
        // refundableAmount may be 0 (nothing left), which Amount() calls invalid.
        if (refundable == AmountReading.Invalid && json.TryGetProperty("refundableAmount", out var zero) && zero.ValueKind == JsonValueKind.Number && zero.TryGetInt64(out var value) && value == 0)
        {
            refundable = AmountReading.Read;
            refundableAmount = 0;
        }
        if (cancel == AmountReading.Invalid || refundable == AmountReading.Invalid)
        {
            return null;
        }
        return new CancelRequest(
            reason,
            cancel == AmountReading.Read ? cancelAmount : null,
            refundable == AmountReading.Read ? refundableAmount : null);
    }
}

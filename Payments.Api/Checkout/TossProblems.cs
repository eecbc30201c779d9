using ClosetConnect.Payments.Toss;
using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.Payments.Checkout;

/// <summary>
/// A Toss refusal as problem+json: Toss's code in the <c>tossCode</c> member, and a detail that tells the buyer what to
/// do (Toss's own message, in Korean by default, is passed on in <c>tossMessage</c>).
/// </summary>
public static class TossProblems
{
    private static readonly Dictionary<string, (int Status, string Detail)> Known = new(StringComparer.Ordinal)
    {
        ["REJECT_CARD_PAYMENT"] = (StatusCodes.Status402PaymentRequired, "The card company refused the payment (limit exceeded or insufficient balance). Pay again with another card or method."),
        ["REJECT_CARD_COMPANY"] = (StatusCodes.Status402PaymentRequired, "The card company refused the payment. Pay again with another card or method."),
        ["EXCEED_MAX_AMOUNT"] = (StatusCodes.Status402PaymentRequired, "The amount is over this card's limit. Pay again with another card or method."),
        ["EXCEED_MAX_DAILY_PAYMENT_COUNT"] = (StatusCodes.Status402PaymentRequired, "This card has reached its payments for today. Pay again with another card or method."),
        ["INVALID_CARD_EXPIRATION"] = (StatusCodes.Status402PaymentRequired, "The card has expired. Pay again with another card."),
        ["INVALID_STOPPED_CARD"] = (StatusCodes.Status402PaymentRequired, "The card is suspended. Pay again with another card."),
        ["INVALID_CARD_LOST_OR_STOLEN"] = (StatusCodes.Status402PaymentRequired, "The card was reported lost or stolen. Pay again with another card."),
        ["INVALID_PASSWORD"] = (StatusCodes.Status402PaymentRequired, "The card password was wrong. Pay again in the payment window."),
        ["BELOW_MINIMUM_AMOUNT"] = (StatusCodes.Status402PaymentRequired, "The amount is below what this payment method allows."),
        ["NOT_FOUND_PAYMENT_SESSION"] = (StatusCodes.Status410Gone, "The payment session timed out before it was confirmed. Open the payment window again to pay."),
        ["NOT_FOUND_PAYMENT"] = (StatusCodes.Status400BadRequest, "Toss knows no payment with this paymentKey; use the paymentKey from the successUrl redirect."),
        ["INVALID_REQUEST"] = (StatusCodes.Status400BadRequest, "Toss found the payment details invalid (paymentKey, orderId and amount must be those of the successUrl redirect)."),
        ["PROVIDER_ERROR"] = (StatusCodes.Status503ServiceUnavailable, "The payment provider had a temporary error. Try the confirm again in a moment."),
        ["FDS_ERROR"] = (StatusCodes.Status402PaymentRequired, "The payment was stopped by fraud detection. Contact the card company or pay with another method."),
    };

    public static ProblemDetails For(TossRejectedException refusal)
    {
        var (status, detail) = Known.TryGetValue(refusal.Code, out var known)
            ? known
            : (refusal.StatusCode is >= 400 and < 500 ? StatusCodes.Status402PaymentRequired : StatusCodes.Status502BadGateway,
                $"Toss Payments refused the payment ({refusal.Code}). Pay again in the payment window, or with another method.");
        return new ProblemDetails
        {
            Status = status,
            Title = "Payment not approved",
            Detail = detail,
            Extensions =
            {
                ["tossCode"] = refusal.Code,
                ["tossMessage"] = refusal.TossMessage,
            },
        };
    }
}

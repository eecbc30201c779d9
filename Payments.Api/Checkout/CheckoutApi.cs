using System.Security.Claims;
using ClosetConnect.Payments.Toss;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Payments.Checkout;

public static class CheckoutApi
{
    public static RouteHandlerBuilder MapCheckoutApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/payments/confirm", ConfirmAsync)
            .WithTags("Checkout").RequireAuthorization().WithName("ConfirmPayment")
            .WithSummary("Confirm the payment the buyer made in Toss's window (paymentKey, orderId and amount from the successUrl)")
            .WithDescription("200 when paid; 202 while Toss's answer is outstanding (the order is confirming and settles by itself). " +
                "The amount must be the order's. A repeat (same Idempotency-Key header, or the same paymentKey) answers the same and charges once.")
            .Produces<ConfirmResponse>(StatusCodes.Status200OK)
            .Produces<ConfirmResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);

    public static async Task<IResult> ConfirmAsync(
        ConfirmRequest request, ClaimsPrincipal principal, HttpContext context, ConfirmPayment confirmPayment, CancellationToken cancellationToken)
    {
        var idempotencyKey = context.Request.Headers[TossClient.IdempotencyKeyHeader].ToString() is { Length: > 0 } key ? key : null;
        var result = await confirmPayment.HandleAsync(request, principal.GetUserId(), idempotencyKey, cancellationToken);
        return result switch
        {
            { Response: { } body, Status: StatusCodes.Status200OK } => TypedResults.Ok(body),
            { Response: { } body } => TypedResults.Accepted($"/api/v1/payments/orders/{body.OrderId}", body),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors, detail: "Some fields are not valid; see errors."),
            _ => TypedResults.Problem(result.Problem!),
        };
    }
}

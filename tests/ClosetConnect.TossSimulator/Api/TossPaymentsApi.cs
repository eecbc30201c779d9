using ClosetConnect.TossSimulator.Payments;

namespace ClosetConnect.TossSimulator.Api;

/// <summary>
/// Toss's core payment API (version 2022-11-16) as Payments.Api uses it. Authentication, rate limit, idempotency and
/// TossPayments-Test-Code run as middleware in front of these (see <c>UseTossApiPipeline</c>).
/// </summary>
public static class TossPaymentsApi
{
    public static RouteGroupBuilder MapTossPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/payments").WithTags("Toss core API (simulated)");
        api.MapPost("/confirm", ConfirmAsync).WithName("ConfirmPayment").WithSummary("결제 승인: approve an IN_PROGRESS payment.");
        api.MapGet("/orders/{orderId}", GetByOrderId).WithName("GetPaymentByOrderId").WithSummary("The Payment of an orderId.");
        api.MapGet("/{paymentKey}", GetByPaymentKey).WithName("GetPayment").WithSummary("The Payment of a paymentKey.");
        api.MapPost("/{paymentKey}/cancel", CancelAsync).WithName("CancelPayment").WithSummary("결제 취소: full or partial.");
        return api;
    }

    public static async Task<IResult> ConfirmAsync(HttpContext context, PaymentProcessor processor, TossResults results, CancellationToken cancellationToken)
    {
        var request = ConfirmRequest.From(await JsonBody.ReadObjectAsync(context.Request, cancellationToken));
        return request is null
            ? results.Error(context.Request, "INVALID_REQUEST")
            : results.From(context.Request, processor.Confirm(request, AuthenticatedSecretKey.Of(context).Value));
    }

    public static IResult GetByPaymentKey(string paymentKey, HttpRequest request, PaymentProcessor processor, TossResults results) =>
        results.From(request, processor.Get(paymentKey));

    public static IResult GetByOrderId(string orderId, HttpRequest request, PaymentProcessor processor, TossResults results) =>
        results.From(request, processor.GetByOrderId(orderId));

    public static async Task<IResult> CancelAsync(string paymentKey, HttpContext context, PaymentProcessor processor, TossResults results, CancellationToken cancellationToken)
    {
        var request = CancelRequest.From(await JsonBody.ReadObjectAsync(context.Request, cancellationToken));
        return request is null ? results.Error(context.Request, "INVALID_REQUEST") : results.From(context.Request, processor.Cancel(paymentKey, request));
    }
}

using System.Security.Claims;
using ClosetConnect.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.Payments.Orders;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/payments/orders").WithTags("Orders").RequireAuthorization();
        api.MapPost("/", PlaceAsync).WithName("PlaceOrder")
            .WithSummary("Order a market listing: reserves it for 15 minutes and returns what the payment window needs");
        api.MapGet("/", ListMineAsync).WithName("ListMyOrders").WithSummary("My purchases, newest first");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetOrder").WithSummary("One of my purchases or sales");
        api.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelOrder").WithSummary("Cancel my pending order (the reservation ends)");
        api.MapPost("/{id:guid}/refund", RefundAsync).WithName("RefundOrder")
            .WithSummary("Refund a paid order in full (its seller or an admin): the item returns to the seller");
        return api;
    }

    public static async Task<Results<Created<PlacedOrderResponse>, ValidationProblem, ProblemHttpResult>> PlaceAsync(
        PlaceOrderRequest request, ClaimsPrincipal principal, HttpContext context, PlaceOrder placeOrder, CancellationToken cancellationToken)
    {
        var result = await placeOrder.HandleAsync(request, principal.GetUserId(), context.Request.Headers.Authorization.ToString(), cancellationToken);
        return result switch
        {
            { Order: { } order } => TypedResults.Created($"/api/v1/payments/orders/{order.OrderId}", order),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors, detail: "Some fields are not valid; see errors."),
            _ => TypedResults.Problem(result.Problem!),
        };
    }

    public static async Task<Ok<OrderList>> ListMineAsync(ClaimsPrincipal principal, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var buyerId = principal.GetUserId();
        var orders = await db.Orders.AsNoTracking().Where(o => o.BuyerId == buyerId).OrderByDescending(o => o.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new OrderList(orders.Select(OrderResponse.From).ToList(), orders.Count));
    }

    public static async Task<Results<Ok<OrderResponse>, NotFound>> GetAsync(Guid id, ClaimsPrincipal principal, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && (o.BuyerId == userId || o.SellerId == userId), cancellationToken);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(OrderResponse.From(order));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(Guid id, ClaimsPrincipal principal, CancelOrder cancelOrder, CancellationToken cancellationToken) =>
        await cancelOrder.HandleAsync(id, principal.GetUserId(), cancellationToken) is { } refusal
            ? TypedResults.Problem(statusCode: refusal.Status, title: "Order not cancelled", detail: refusal.Detail)
            : TypedResults.NoContent();

    public static async Task<Results<Accepted<OrderResponse>, ProblemHttpResult>> RefundAsync(
        Guid id, RefundRequest request, ClaimsPrincipal principal, RefundOrder refundOrder, CancellationToken cancellationToken)
    {
        var outcome = await refundOrder.HandleAsync(id, request, principal.GetUserId(), principal.IsInRole("admin"), cancellationToken);
        if (outcome.Order is { } order)
        {
            return TypedResults.Accepted($"/api/v1/payments/orders/{order.OrderId}", order);
        }

        var problem = new ProblemDetails { Status = outcome.Status, Title = "Order not refunded", Detail = outcome.Detail };
        if (outcome.TossCode is { } code)
        {
            problem.Extensions["tossCode"] = code;
        }

        return TypedResults.Problem(problem);
    }
}

using System.Security.Claims;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Payments.Apis;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/payments/orders").WithTags("Orders").RequireAuthorization();
        api.MapGet("/", ListMyOrdersAsync);
        return api;
    }

    /// <summary>The caller's purchases, newest first.</summary>
    public static async Task<Ok<OrderList>> ListMyOrdersAsync(ClaimsPrincipal principal, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var buyerId = principal.GetUserId();
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.BuyerId == buyerId)
            .OrderByDescending(o => o.CreatedAt)
            .Select(o => new OrderResponse(o.Id, o.ListingId, o.ItemId, o.Amount, o.Currency, o.Status.ToString().ToLower(), o.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new OrderList(orders, orders.Count));
    }
}

public sealed record OrderResponse(Guid OrderId, Guid ListingId, Guid ItemId, long Amount, string Currency, string Status, DateTimeOffset CreatedAt);

public sealed record OrderList(IReadOnlyList<OrderResponse> Orders, int Total);

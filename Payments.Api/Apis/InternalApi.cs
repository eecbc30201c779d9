using System.Security.Claims;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Payments.Apis;

/// <summary>
/// Service-to-service endpoints. The gateway routes no <c>/internal</c> path, so only services inside the cluster reach
/// them; each still requires the user's own access token (forwarded by Identity) naming the same user as the path.
/// </summary>
public static class InternalApi
{
    public static RouteGroupBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/users").WithTags("Internal").RequireAuthorization().ExcludeFromDescription();
        api.MapGet("/{id:guid}/export", ExportUserDataAsync);
        return api;
    }

    /// <summary>Every order the user took part in, as buyer or seller, for the GDPR data export.</summary>
    public static async Task<Results<Ok<PaymentsExport>, ProblemHttpResult>> ExportUserDataAsync(
        Guid id, ClaimsPrincipal principal, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        if (principal.GetUserId() != id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "A user's data is exported only with that user's own token.");
        }

        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.BuyerId == id || o.SellerId == id)
            .OrderBy(o => o.CreatedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaymentsExport(orders.Select(o => new ExportedOrder(
            o.Id, o.BuyerId == id ? "buyer" : "seller", o.ListingId, o.ItemId, o.Amount, o.Currency,
            o.Status.ToString().ToLowerInvariant(), o.CreatedAt, o.UpdatedAt)).ToList()));
    }
}

public sealed record PaymentsExport(IReadOnlyList<ExportedOrder> Orders);

public sealed record ExportedOrder(Guid OrderId, string Role, Guid ListingId, Guid ItemId, long Amount, string Currency, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

using System.Security.Claims;
using ClosetConnect.Payments.Ledger;
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

    /// <summary>Every order the user took part in (as buyer or seller, with its history) and their ledger, for the GDPR data export.</summary>
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
        var ledger = await db.LedgerEntries.AsNoTracking().Where(e => e.SellerId == id).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaymentsExport(
            orders.Select(o => new ExportedOrder(
                o.Id, o.BuyerId == id ? "buyer" : "seller", o.ListingId, o.ItemId, o.OrderName, o.Amount, o.Currency,
                Order.Describe(o.Status), o.CreatedAt, o.UpdatedAt,
                o.History.Select(h => new ExportedOrderChange(h.From is { } from ? Order.Describe(from) : null, Order.Describe(h.To), h.Actor, h.Note, h.At)).ToList())).ToList(),
            ledger.Select(e => new ExportedLedgerEntry(e.OrderId, LedgerApi.KindName(e.Kind), e.Amount, e.Currency, e.CreatedAt)).ToList()));
    }
}

public sealed record PaymentsExport(IReadOnlyList<ExportedOrder> Orders, IReadOnlyList<ExportedLedgerEntry> LedgerEntries);

public sealed record ExportedOrder(
    Guid OrderId, string Role, Guid ListingId, Guid ItemId, string OrderName, long Amount, string Currency, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ExportedOrderChange> History);

public sealed record ExportedOrderChange(string? From, string To, string Actor, string? Note, DateTimeOffset At);

public sealed record ExportedLedgerEntry(Guid OrderId, string Kind, long Amount, string Currency, DateTimeOffset CreatedAt);

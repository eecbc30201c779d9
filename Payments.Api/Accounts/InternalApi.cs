using ClosetConnect.Payments.Ledger;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Payments.Apis;

/// <summary>What other services ask of this one about a user (<see cref="InternalUserApi"/>).</summary>
public static class InternalApi
{
    public static RouteGroupBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapInternalUserApi();
        api.MapGet("/export", ExportUserDataAsync);
        return api;
    }

    /// <summary>Every order the user took part in (as buyer or seller, with its history) and their ledger, for the GDPR data export.</summary>
    public static async Task<Ok<PaymentsExport>> ExportUserDataAsync(
        Guid id, PaymentsDbContext db, CancellationToken cancellationToken)
    {
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

using System.Security.Claims;
using ClosetConnect.Payments.Orders;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Payments.Ledger;

/// <summary>A seller's side of the marketplace: what they sold and what they are owed.</summary>
public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/payments").WithTags("Ledger").RequireAuthorization();
        api.MapGet("/ledger", GetLedgerAsync).WithName("GetLedger")
            .WithSummary("My balance and ledger entries (sales, platform fees, reversals), newest first");
        api.MapGet("/sales", ListSalesAsync).WithName("ListMySales").WithSummary("Orders of my listings that were paid, newest first");
        return api;
    }

    public static async Task<Ok<LedgerResponse>> GetLedgerAsync(ClaimsPrincipal principal, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var sellerId = principal.GetUserId();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.SellerId == sellerId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new LedgerResponse(
            entries.Sum(e => e.Amount),
            "KRW",
            entries.Select(e => new LedgerEntryResponse(e.Id, e.OrderId, KindName(e.Kind), e.Amount, e.Currency, e.CreatedAt)).ToList()));
    }

    public static async Task<Ok<OrderList>> ListSalesAsync(ClaimsPrincipal principal, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var sellerId = principal.GetUserId();
        var sales = await db.Orders.AsNoTracking()
            .Where(o => o.SellerId == sellerId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Refunded))
            .OrderByDescending(o => o.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new OrderList(sales.Select(OrderResponse.From).ToList(), sales.Count));
    }

    /// <summary>A kind as clients (and the data export) read it.</summary>
    public static string KindName(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Sale => "sale",
        LedgerEntryKind.PlatformFee => "platform-fee",
        LedgerEntryKind.SaleReversal => "sale-reversal",
        LedgerEntryKind.PlatformFeeReversal => "platform-fee-reversal",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

public sealed record LedgerResponse(long Balance, string Currency, IReadOnlyList<LedgerEntryResponse> Entries);

public sealed record LedgerEntryResponse(Guid Id, Guid OrderId, string Kind, long Amount, string Currency, DateTimeOffset CreatedAt);

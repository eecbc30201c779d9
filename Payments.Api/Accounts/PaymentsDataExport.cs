using ClosetConnect.Payments.Ledger;

namespace ClosetConnect.Payments.Accounts;

/// <summary>Every order the user took part in (as buyer or seller, with its history) and their ledger, for the GDPR data export.</summary>
public sealed class PaymentsDataExport(PaymentsDbContext db)
{
    public async Task<PaymentsExport> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.BuyerId == userId || o.SellerId == userId)
            .OrderBy(o => o.CreatedAt)
            .ToListAsync(cancellationToken);
        var ledger = await db.LedgerEntries.AsNoTracking().Where(e => e.SellerId == userId).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        return new PaymentsExport(
            orders.Select(o => new ExportedOrder(
                o.Id, o.BuyerId == userId ? "buyer" : "seller", o.ListingId, o.ItemId, o.OrderName, o.Amount, o.Currency,
                Order.Describe(o.Status), o.CreatedAt, o.UpdatedAt,
                o.History.Select(h => new ExportedOrderChange(h.From is { } from ? Order.Describe(from) : null, Order.Describe(h.To), h.Actor, h.Note, h.At)).ToList())).ToList(),
            ledger.Select(e => new ExportedLedgerEntry(e.OrderId, LedgerApi.KindName(e.Kind), e.Amount, e.Currency, e.CreatedAt)).ToList());
    }
}

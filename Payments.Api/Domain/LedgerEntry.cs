namespace ClosetConnect.Payments.Domain;

/// <summary>
/// One line of a seller's ledger. Entries are append-only (nothing updates or deletes one; a refund appends
/// reversals) and signed, so a balance is their sum. One entry per order and kind, so a repeated event books nothing twice.
/// </summary>
public sealed class LedgerEntry
{
    private LedgerEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid SellerId { get; private set; }

    public Guid OrderId { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    /// <summary>Signed, in the currency's minor unit: credits positive, debits negative.</summary>
    public long Amount { get; private set; }

    public string Currency { get; private set; } = "KRW";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The seller's sale and the platform's fee on it.</summary>
    public static IReadOnlyList<LedgerEntry> ForSale(Order order, PlatformFee fee, DateTimeOffset now) =>
    [
        Create(order, LedgerEntryKind.Sale, order.Amount, now),
        Create(order, LedgerEntryKind.PlatformFee, -fee.On(order.Amount), now),
    ];

    /// <summary>Undoes what <paramref name="booked"/> booked for the order; nothing when the sale was never booked.</summary>
    public static IReadOnlyList<LedgerEntry> ForRefund(Order order, IReadOnlyCollection<LedgerEntry> booked, DateTimeOffset now) =>
        booked.Any(e => e.Kind is LedgerEntryKind.SaleReversal or LedgerEntryKind.PlatformFeeReversal)
            ? []
            : booked.Where(e => e.OrderId == order.Id && (e.Kind is LedgerEntryKind.Sale or LedgerEntryKind.PlatformFee))
                .Select(e => Create(order, e.Kind == LedgerEntryKind.Sale ? LedgerEntryKind.SaleReversal : LedgerEntryKind.PlatformFeeReversal, -e.Amount, now))
                .ToList();

    /// <summary>The seller's account was erased: the entry stays (a financial record) but no longer names them.</summary>
    public void ErasePersonalData() => SellerId = Order.ErasedParty;

    private static LedgerEntry Create(Order order, LedgerEntryKind kind, long amount, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SellerId = order.SellerId,
        OrderId = order.Id,
        Kind = kind,
        Amount = amount,
        Currency = order.Currency,
        CreatedAt = now,
    };
}

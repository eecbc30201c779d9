namespace ClosetConnect.Payments.Accounts;

/// <summary>What Payments holds about a user: the orders they took part in and their ledger.</summary>
public sealed record PaymentsExport(IReadOnlyList<ExportedOrder> Orders, IReadOnlyList<ExportedLedgerEntry> LedgerEntries);

public sealed record ExportedOrder(
    Guid OrderId, string Role, Guid ListingId, Guid ItemId, string OrderName, long Amount, string Currency, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ExportedOrderChange> History);

public sealed record ExportedOrderChange(string? From, string To, string Actor, string? Note, DateTimeOffset At);

public sealed record ExportedLedgerEntry(Guid OrderId, string Kind, long Amount, string Currency, DateTimeOffset CreatedAt);

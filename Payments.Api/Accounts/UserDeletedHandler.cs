using ClosetConnect.EventBus;

namespace ClosetConnect.Payments.Accounts;

/// <summary>
/// The account was erased: its orders and ledger entries are kept as financial records but no longer name the person.
/// Events about those orders that arrive afterwards (a hand-over, a failed one) book under the anonymised order, and
/// events Payments sends about them name the erased party as <see cref="Order.ErasedParty"/>. Idempotent.
/// </summary>
public sealed class UserDeletedHandler(PaymentsDbContext db, TimeProvider time, ILogger<UserDeletedHandler> logger)
    : IIntegrationEventHandler<UserDeletedEvent>
{
    public async Task HandleAsync(UserDeletedEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        var orders = await db.Orders.Where(o => o.BuyerId == userId || o.SellerId == userId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var order in orders)
        {
            order.ErasePersonalData(userId, now);
        }

        var entries = await db.LedgerEntries.Where(e => e.SellerId == userId).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            entry.ErasePersonalData();
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Anonymised {Orders} orders and {Entries} ledger entries of erased user {UserId}", orders.Count, entries.Count, userId);
    }
}

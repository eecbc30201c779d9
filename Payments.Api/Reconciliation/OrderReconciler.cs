using ClosetConnect.Payments.Settlement;
using ClosetConnect.Payments.Toss;

namespace ClosetConnect.Payments.Reconciliation;

/// <summary>
/// Settles what nobody else will: an order left confirming (Toss's answer was lost) is read back from Toss by its
/// order id and becomes paid exactly once, or goes back to pending (or expires); a pending order whose reservation
/// ended expires, which releases its listing. Every replica may run it: a change made twice loses the second time on
/// the order's concurrency token.
/// </summary>
public sealed class OrderReconciler(IServiceScopeFactory scopes, IOptions<TossOptions> toss, TimeProvider time, ILogger<OrderReconciler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Reconciling orders failed; next round in {Interval}", Interval);
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A confirm still in flight ends within Toss's total timeout; after that its answer is lost, not late.
        var confirmingBefore = now - toss.Value.TotalTimeout - TimeSpan.FromSeconds(1);
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
            due = await db.Orders.AsNoTracking()
                .Where(o => (o.Status == OrderStatus.Confirming && o.UpdatedAt < confirmingBefore) || (o.Status == OrderStatus.Pending && o.ExpiresAt <= now))
                .OrderBy(o => o.UpdatedAt).Select(o => o.Id).Take(50)
                .ToListAsync(cancellationToken);
        }

        foreach (var orderId in due)
        {
            await SettleAsync(orderId, cancellationToken);
        }
    }

    private async Task SettleAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var settlement = scope.ServiceProvider.GetRequiredService<PaymentSettlement>();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, cancellationToken);
        try
        {
            string outcome;
            if (order.Status == OrderStatus.Pending)
            {
                settlement.Expire(order, OrderActor.Reconciler);
                outcome = "expired";
            }
            else
            {
                var payment = await ReadPaymentAsync(scope.ServiceProvider.GetRequiredService<TossClient>(), order, cancellationToken);
                outcome = payment is null
                    ? settlement.SettleUnpaid(order, "Toss has no payment for this order", OrderActor.Reconciler)
                    : await settlement.ReconcileAsync(order, payment, OrderActor.Reconciler, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Reconciled order {OrderId}: {Outcome}", order.Id, outcome);
        }
        catch (DbUpdateException)
        {
            // Settled meanwhile by a confirm, a webhook or another replica.
        }
        catch (TossUnavailableException exception)
        {
            logger.LogWarning(exception, "Toss is unreachable; order {OrderId} stays {Status} until the next round", order.Id, order.Status);
        }
    }

    private static async Task<TossPayment?> ReadPaymentAsync(TossClient toss, Order order, CancellationToken cancellationToken)
    {
        try
        {
            return await toss.GetByOrderIdAsync(order.TossOrderId, cancellationToken);
        }
        catch (TossRejectedException refusal) when (refusal.StatusCode == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }
}

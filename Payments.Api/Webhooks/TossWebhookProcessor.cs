using ClosetConnect.Payments.Settlement;
using ClosetConnect.Payments.Toss;

namespace ClosetConnect.Payments.Webhooks;

/// <summary>
/// Settles stored webhook receipts: reads the payment from Toss (the body is never trusted) and reconciles the order
/// with it. A receipt that fails (Toss unreachable) is tried again on the next round, up to <see cref="MaxAttempts"/>.
/// </summary>
public sealed class TossWebhookProcessor(IServiceScopeFactory scopes, WebhookSignal signal, TimeProvider time, ILogger<TossWebhookProcessor> logger) : BackgroundService
{
    private const int MaxAttempts = 20;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Processing Toss webhooks failed; retrying in {Idle}", Idle);
            }

            try
            {
                await signal.WaitAsync(Idle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Processes one batch; true when there may be more.</summary>
    private async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var receipts = await db.TossWebhookReceipts
            .Where(r => r.ProcessedAt == null && r.Attempts < MaxAttempts)
            .OrderBy(r => r.Attempts).ThenBy(r => r.ReceivedAt)
            .Take(20)
            .ToListAsync(cancellationToken);
        var progressed = false;
        foreach (var receipt in receipts)
        {
            progressed |= await ProcessAsync(scope.ServiceProvider, db, receipt, cancellationToken);
        }

        return progressed && receipts.Count == 20;
    }

    private async Task<bool> ProcessAsync(IServiceProvider services, PaymentsDbContext db, TossWebhookReceipt receipt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            var order = Guid.TryParse(receipt.OrderId, out var orderId)
                ? await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                : null;
            if (order is null)
            {
                receipt.Processed("ignored: no such order", now);
            }
            else
            {
                var payment = await services.GetRequiredService<TossClient>().GetAsync(receipt.PaymentKey, cancellationToken);
                var outcome = await services.GetRequiredService<PaymentSettlement>().ReconcileAsync(order, payment, OrderActor.TossWebhook, cancellationToken);
                receipt.Processed($"{payment.Status}: {outcome}", now);
                logger.LogInformation("Toss webhook for order {OrderId}: payment {Status}, order {Outcome}", order.Id, payment.Status, outcome);
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (TossRejectedException refusal) when (refusal.StatusCode == StatusCodes.Status404NotFound)
        {
            // Toss knows no such payment: a forged or mistaken delivery.
            db.ChangeTracker.Clear();
            db.Attach(receipt);
            receipt.Processed($"ignored: Toss has no payment {receipt.PaymentKey}", now);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is TossUnavailableException or TossRejectedException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            db.Attach(receipt);
            receipt.Failed(exception.Message);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning(exception, "Toss webhook {TransmissionId} could not be settled yet (attempt {Attempts})", receipt.TransmissionId, receipt.Attempts);
            return false;
        }
    }
}

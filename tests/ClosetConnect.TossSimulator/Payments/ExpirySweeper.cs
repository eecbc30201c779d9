using ClosetConnect.TossSimulator.Configuration;
using ClosetConnect.TossSimulator.Idempotency;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Payments;

/// <summary>
/// Expires payments nobody looks at, so their EXPIRED webhook goes out as Toss's would, and forgets idempotency keys
/// older than 15 days. Runs on the simulator clock's timers (real time); look-ups expire lazily in between.
/// </summary>
public sealed class ExpirySweeper(PaymentProcessor processor, IdempotencyStore idempotency, TimeProvider clock, IOptions<SimulatorOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                processor.ExpireAll();
                idempotency.ForgetExpired();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}

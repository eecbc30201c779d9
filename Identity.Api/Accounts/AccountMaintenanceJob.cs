using ClosetConnect.Identity.PersonalData;

namespace ClosetConnect.Identity.Accounts;

/// <summary>
/// The periodic maintenance of accounts: erase those past retention, then move personal data off retired encryption
/// keys. Each run has its own scope; a failed run is logged and the next one tries again.
/// </summary>
internal sealed class AccountMaintenanceJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, ILogger<AccountMaintenanceJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Account maintenance failed; it runs again in {Interval}", options.Value.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        int erased;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            erased = await scope.ServiceProvider.GetRequiredService<InactiveAccountSweeper>().SweepBatchAsync(cancellationToken);
        }
        while (erased == options.Value.BatchSize);

        int moved;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            moved = await scope.ServiceProvider.GetRequiredService<PersonalDataReEncryptor>().ReEncryptBatchAsync(options.Value.BatchSize, cancellationToken);
        }
        while (moved >= options.Value.BatchSize);
    }
}

using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Identity.Application.Accounts;

/// <summary>Section <c>Retention</c>: how long an unused account is kept, and how often the maintenance job runs.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>An account with no login for this long (counted from its creation if it never logged in) is erased.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Retention:InactiveAccountLifetime must be between 1 and 3650 days.")]
    public TimeSpan InactiveAccountLifetime { get; set; } = TimeSpan.FromDays(730);

    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00", ErrorMessage = "Retention:SweepInterval must be between 10 seconds and 7 days.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);

    [Range(1, 10_000, ErrorMessage = "Retention:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 100;
}

/// <summary>Erases accounts that have not logged in for <see cref="RetentionOptions.InactiveAccountLifetime"/>.</summary>
public sealed class InactiveAccountSweeper(IdentityDbContext db, AccountEraser eraser, IOptions<RetentionOptions> options, TimeProvider time, ILogger<InactiveAccountSweeper> logger)
{
    /// <summary>Erases one batch of expired accounts; returns how many were erased (less than the batch size: done).</summary>
    public async Task<int> SweepBatchAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.InactiveAccountLifetime;
        var expired = await db.Users
            .Where(u => (u.LastLoginAt ?? u.CreatedAt) < cutoff)
            .OrderBy(u => u.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var user in expired)
        {
            await eraser.EraseAsync(user, AuditActions.RetentionErase, actorId: null, cancellationToken);
            logger.LogInformation("Erased user {UserId}: no login since {LastActiveAt:o}", user.Id, user.LastActiveAt);
        }

        return expired.Count;
    }
}

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

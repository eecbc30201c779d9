namespace ClosetConnect.Identity.Accounts;

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

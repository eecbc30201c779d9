namespace ClosetConnect.Closet.Accounts;

/// <summary>
/// Creates the new user's closet (or names one a purchase created before this event arrived). A registration that
/// arrives after the account's erasure (a replica, a retry) creates nothing: the erased username must not come back.
/// </summary>
public sealed class UserRegisteredHandler(ClosetDbContext db, ILogger<UserRegisteredHandler> logger)
    : IIntegrationEventHandler<UserRegisteredEvent>
{
    public async Task HandleAsync(UserRegisteredEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (await db.ErasedAccounts.AnyAsync(a => a.UserId == integrationEvent.UserId, cancellationToken))
        {
            logger.LogInformation("User {UserId} was erased before their registration arrived; no closet is created", integrationEvent.UserId);
            return;
        }

        var closet = await db.Closets.SingleOrDefaultAsync(c => c.UserId == integrationEvent.UserId, cancellationToken);
        if (closet is not null)
        {
            if (closet.LearnUsername(integrationEvent.Username))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        db.Closets.Add(new UserCloset(integrationEvent.UserId, integrationEvent.Username, integrationEvent.OccurredAt));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the closet of user {UserId}", integrationEvent.UserId);
    }
}

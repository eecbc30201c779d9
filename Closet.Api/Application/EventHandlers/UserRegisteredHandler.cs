namespace ClosetConnect.Closet.Application.EventHandlers;

/// <summary>Creates the new user's closet (or names one a purchase created before this event arrived).</summary>
public sealed class UserRegisteredHandler(ClosetDbContext db, ILogger<UserRegisteredHandler> logger)
    : IIntegrationEventHandler<UserRegisteredEvent>
{
    public async Task HandleAsync(UserRegisteredEvent integrationEvent, CancellationToken cancellationToken)
    {
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

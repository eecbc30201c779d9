namespace ClosetConnect.Closet.Application.EventHandlers;

/// <summary>Creates the new user's closet.</summary>
public sealed class UserRegisteredHandler(ClosetDbContext db, ILogger<UserRegisteredHandler> logger)
    : IIntegrationEventHandler<UserRegisteredEvent>
{
    public async Task HandleAsync(UserRegisteredEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (await db.Closets.AnyAsync(c => c.UserId == integrationEvent.UserId, cancellationToken))
        {
            return;
        }

        db.Closets.Add(new UserCloset(integrationEvent.UserId, integrationEvent.Username, integrationEvent.OccurredAt));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the closet of user {UserId}", integrationEvent.UserId);
    }
}

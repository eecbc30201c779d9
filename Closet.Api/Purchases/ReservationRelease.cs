namespace ClosetConnect.Closet.Purchases;

/// <summary>
/// A pending order ended unpaid (cancelled by the buyer or expired): its reservation of the listing ends. A listing that
/// another order holds, or that is sold, is left alone, so a late or repeated event changes nothing.
/// </summary>
public sealed class ReservationRelease(ClosetDbContext db, TimeProvider time, ILogger<ReservationRelease> logger)
    : IIntegrationEventHandler<OrderCancelledEvent>, IIntegrationEventHandler<OrderExpiredEvent>
{
    public Task HandleAsync(OrderCancelledEvent integrationEvent, CancellationToken cancellationToken) =>
        ReleaseAsync(integrationEvent.ListingId, integrationEvent.OrderId, "cancelled", cancellationToken);

    public Task HandleAsync(OrderExpiredEvent integrationEvent, CancellationToken cancellationToken) =>
        ReleaseAsync(integrationEvent.ListingId, integrationEvent.OrderId, "expired", cancellationToken);

    private async Task ReleaseAsync(Guid listingId, Guid orderId, string why, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.SingleOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (listing is null || !listing.ReleaseReservation(orderId, time.GetUtcNow()))
        {
            logger.LogInformation("Order {OrderId} {Why}: listing {ListingId} is not held by it (gone, sold or held by another order); nothing to release",
                orderId, why, listingId);
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Order {OrderId} {Why}: listing {ListingId} is free again", orderId, why, listingId);
    }
}

using ClosetConnect.Closet.Infrastructure.Caching;

namespace ClosetConnect.Closet.Purchases;

/// <summary>
/// Holds a listing for a buyer's order. One conditional update decides, so of two buyers racing for the same listing
/// exactly one wins; a repeat for the same order succeeds again (and moves its expiry).
/// </summary>
public sealed class ListingReservation(
    ClosetDbContext db, ItemListCacheInvalidation listCache, TimeProvider time, ILogger<ListingReservation> logger)
{
    public const int MaxOrderNameLength = 100;

    /// <summary>Longest hold a caller may ask for: a bug in the caller cannot take a listing off the market for long.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromHours(24);

    public static readonly UseCaseFailure NotFound = UseCaseFailure.NotFound("There is no such listing for sale.");

    public async Task<UseCaseResult<ReservationResponse>> ReserveAsync(
        Guid buyerId, Guid listingId, ReservationRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.OrderId is null || request.OrderId == Guid.Empty)
        {
            errors["orderId"] = ["The order's id is required."];
        }

        if (request.ExpiresAt is not { } expiresAt || expiresAt <= now || expiresAt > now + MaxHold)
        {
            errors["expiresAt"] = [$"The reservation's end is required, in the future and at most {MaxHold.TotalHours} hours away."];
        }

        if (errors.Count > 0)
        {
            return UseCaseFailure.Invalid(errors);
        }

        var orderId = request.OrderId!.Value;
        var until = request.ExpiresAt!.Value;

        if (await db.ErasedAccounts.AnyAsync(a => a.UserId == buyerId, cancellationToken))
        {
            return UseCaseFailure.Unprocessable("This account has been deleted; it cannot buy items.");
        }

        var listing = await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (listing is null || listing.Status == ListingStatus.Withdrawn)
        {
            return NotFound;
        }

        if (listing.SellerId == buyerId)
        {
            return UseCaseFailure.Unprocessable("You cannot buy your own listing.");
        }

        if (listing.Status == ListingStatus.Sold)
        {
            return UseCaseFailure.Conflict("This item is already sold.");
        }

        var item = await db.Items.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == listing.ItemId && i.UserId == listing.SellerId && i.Status == ItemStatus.Ready, cancellationToken);
        if (item is null)
        {
            return NotFound;
        }

        var reserved = await db.Listings
            .Where(l => l.Id == listingId)
            .Where(Listing.ReservableFor(orderId, now))
            .ExecuteUpdateAsync(l => l
                .SetProperty(x => x.ReservedForOrderId, orderId)
                .SetProperty(x => x.ReservedUntil, until)
                .SetProperty(x => x.UpdatedAt, now)
                .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        if (reserved == 0)
        {
            // Lost the race, or it was never free: say why from what is stored now.
            var current = await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listingId, cancellationToken);
            return current switch
            {
                null or { Status: ListingStatus.Withdrawn } => NotFound,
                { Status: ListingStatus.Sold } => UseCaseFailure.Conflict("This item is already sold."),
                { ReservedUntil: { } heldUntil } => UseCaseFailure.Conflict(Listing.ReservedByAnotherBuyerDetail(heldUntil)),
                _ => UseCaseFailure.Conflict("This item is reserved by another buyer; try again in a few minutes."),
            };
        }

        await listCache.InvalidateAfterCommitAsync(db, [listing.SellerId]);
        logger.LogInformation("Listing {ListingId} reserved for order {OrderId} until {ReservedUntil}", listingId, orderId, until);
        var orderName = item.Name.Length > MaxOrderNameLength ? item.Name[..MaxOrderNameLength] : item.Name;
        return new ReservationResponse(listing.Id, listing.ItemId, listing.SellerId, listing.Price, listing.Currency, orderName);
    }
}

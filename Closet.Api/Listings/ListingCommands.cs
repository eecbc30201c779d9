using ClosetConnect.Closet.Items;
using MySqlConnector;

namespace ClosetConnect.Closet.Listings;

/// <summary>The seller lists an item on the marketplace, or takes it off.</summary>
public sealed class ListingCommands(ClosetDbContext db, TimeProvider time, ILogger<ListingCommands> logger)
{
    public static readonly UseCaseFailure AlreadyListed =
        UseCaseFailure.Conflict("This item is already listed; withdraw that listing first to list it again.");

    public async Task<UseCaseResult<ListingResponse>> ListAsync(Guid sellerId, Guid itemId, ListingRequest request, CancellationToken cancellationToken)
    {
        var errors = ListingRequestValidator.Validate(request);
        if (errors.Count > 0)
        {
            return UseCaseFailure.Invalid(errors);
        }

        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.UserId == sellerId, cancellationToken);
        if (item is null)
        {
            return ItemCommands.ItemNotFound;
        }

        if (item.Status != ItemStatus.Ready)
        {
            return UseCaseFailure.Conflict(
                $"Only a ready item can be listed; this one is {item.Status.ToString().ToLowerInvariant()}. Wait for its photo to be analysed, or upload it again.");
        }

        if (await db.ActiveListingAsync(itemId, sellerId, cancellationToken) is not null)
        {
            return AlreadyListed;
        }

        var now = time.GetUtcNow();
        var listing = Listing.Create(Guid.CreateVersion7(now), itemId, sellerId, (long)request.Price!.Value, request.Description, now);
        db.Listings.Add(listing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry })
        {
            // A second request listed the same item a moment earlier: the unique active-item index kept it to one.
            return AlreadyListed;
        }

        logger.LogInformation("Item {ItemId} listed as {ListingId} for {Price} {Currency}", itemId, listing.Id, listing.Price, listing.Currency);
        return ListingResponse.From(listing, now);
    }

    /// <summary>Withdraws the item's listing; refused while a buyer's unexpired order holds it.</summary>
    public async Task<UseCaseFailure?> WithdrawAsync(Guid sellerId, Guid itemId, CancellationToken cancellationToken)
    {
        if (!await db.Items.AnyAsync(i => i.Id == itemId && i.UserId == sellerId, cancellationToken))
        {
            return ItemCommands.ItemNotFound;
        }

        var listing = await db.ActiveListingAsync(itemId, sellerId, cancellationToken);
        if (listing is null)
        {
            return UseCaseFailure.NotFound("This item is not listed.");
        }

        try
        {
            listing.Withdraw(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ListingStateException ex)
        {
            return UseCaseFailure.Conflict(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A buyer's order reserved it between the read and the write.
            return UseCaseFailure.Conflict(Listing.ReservedDetail);
        }

        logger.LogInformation("Listing {ListingId} of item {ItemId} withdrawn", listing.Id, itemId);
        return null;
    }
}

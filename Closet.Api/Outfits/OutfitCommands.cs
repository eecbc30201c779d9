namespace ClosetConnect.Closet.Outfits;

/// <summary>Creating, editing and deleting the caller's outfits.</summary>
public sealed class OutfitCommands(ClosetDbContext db, OutfitQueries queries, TimeProvider time)
{
    public async Task<UseCaseResult<OutfitResponse>> CreateAsync(Guid userId, OutfitRequest request, CancellationToken cancellationToken)
    {
        var details = request.ToDetails();
        if (await ValidateAsync(userId, details, isCreate: true, cancellationToken) is { } failure)
        {
            return failure;
        }

        var now = time.GetUtcNow();
        var outfit = Outfit.Create(Guid.CreateVersion7(now), userId, details, now);
        db.Outfits.Add(outfit);
        await db.SaveChangesAsync(cancellationToken);
        return await queries.ToResponseAsync(outfit, cancellationToken);
    }

    public async Task<UseCaseResult<OutfitResponse>> UpdateAsync(Guid userId, Guid outfitId, OutfitRequest request, CancellationToken cancellationToken)
    {
        var details = request.ToDetails();
        var fieldErrors = OutfitValidator.Validate(details, isCreate: false);
        if (fieldErrors.Count > 0)
        {
            return UseCaseFailure.Invalid(fieldErrors);
        }

        var outfit = await db.Outfits.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == outfitId && o.UserId == userId, cancellationToken);
        if (outfit is null)
        {
            return OutfitQueries.NotFound;
        }

        if (await ValidateAsync(userId, details, isCreate: false, cancellationToken) is { } failure)
        {
            return failure;
        }

        outfit.Apply(details, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await queries.ToResponseAsync(outfit, cancellationToken);
    }

    public async Task<UseCaseFailure?> DeleteAsync(Guid userId, Guid outfitId, CancellationToken cancellationToken)
    {
        var outfit = await db.Outfits.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == outfitId && o.UserId == userId, cancellationToken);
        if (outfit is null)
        {
            return OutfitQueries.NotFound;
        }

        db.Outfits.Remove(outfit);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<UseCaseFailure?> ValidateAsync(Guid userId, OutfitDetails details, bool isCreate, CancellationToken cancellationToken)
    {
        var errors = OutfitValidator.Validate(details, isCreate);
        if (errors.Count > 0)
        {
            return UseCaseFailure.Invalid(errors);
        }

        if (details.ItemIds is not { } itemIds)
        {
            return null;
        }

        var ownItems = await db.Items.AsNoTracking()
            .Where(i => i.UserId == userId && EF.Constant(itemIds).Contains(i.Id))
            .ToListAsync(cancellationToken);
        errors = OutfitValidator.CheckItems(itemIds, ownItems);
        return errors.Count > 0
            ? UseCaseFailure.Invalid(errors, string.Join(" ", errors.Values.SelectMany(m => m)))
            : null;
    }
}

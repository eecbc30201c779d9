namespace ClosetConnect.Closet.Outfits;

/// <summary>The caller's outfits with their items' names and cut-outs.</summary>
public sealed class OutfitQueries(ClosetDbContext db)
{
    public static readonly UseCaseFailure NotFound = UseCaseFailure.NotFound("There is no such outfit in your closet.");

    public async Task<OutfitList> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        var outfits = await db.Outfits.AsNoTracking().AsSplitQuery()
            .Where(o => o.UserId == userId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .ToListAsync(cancellationToken);
        var items = await ItemsAsync(userId, outfits.SelectMany(o => o.ItemIds), cancellationToken);
        return new OutfitList(outfits.Select(o => OutfitResponse.From(o, items)).ToList(), outfits.Count);
    }

    public async Task<UseCaseResult<OutfitResponse>> GetAsync(Guid userId, Guid outfitId, CancellationToken cancellationToken)
    {
        var outfit = await db.Outfits.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(o => o.Id == outfitId && o.UserId == userId, cancellationToken);
        return outfit is null ? NotFound : await ToResponseAsync(outfit, cancellationToken);
    }

    public async Task<OutfitResponse> ToResponseAsync(Outfit outfit, CancellationToken cancellationToken) =>
        OutfitResponse.From(outfit, await ItemsAsync(outfit.UserId, outfit.ItemIds, cancellationToken));

    private async Task<Dictionary<Guid, ClosetItem>> ItemsAsync(Guid userId, IEnumerable<Guid> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Items.AsNoTracking()
            .Where(i => i.UserId == userId && EF.Constant(ids).Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, cancellationToken);
    }
}

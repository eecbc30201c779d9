namespace ClosetConnect.Closet.Outfits;

/// <summary>Field rules for creating and editing outfits; each failure names its field.</summary>
public static class OutfitValidator
{
    public static Dictionary<string, string[]> Validate(OutfitDetails details, bool isCreate)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        if (isCreate || details.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(details.Name) || details.Name.Trim().Length > Outfit.MaxNameLength)
            {
                errors["name"] = [$"Name is required and at most {Outfit.MaxNameLength} characters."];
            }
        }

        if (isCreate || details.ItemIds is not null)
        {
            var itemIds = details.ItemIds ?? [];
            var repeated = itemIds.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (itemIds.Count is 0 or > Outfit.MaxItems)
            {
                errors["itemIds"] = [$"An outfit holds 1 to {Outfit.MaxItems} items."];
            }
            else if (repeated.Count > 0)
            {
                errors["itemIds"] = [$"{Items(repeated)} listed more than once."];
            }
        }

        if (details.Occasion is { } occasion && occasion.Trim().Length > Outfit.MaxOccasionLength)
        {
            errors["occasion"] = [$"Occasion is at most {Outfit.MaxOccasionLength} characters."];
        }

        if (details.Season is { Length: > 0 } season && !Seasons.All.Contains(season))
        {
            errors["season"] = [$"Season must be one of: {string.Join(", ", Seasons.All)}."];
        }

        return errors;
    }

    /// <summary>
    /// Every requested item must be one of the caller's own items (<paramref name="ownItems"/>: those found among the
    /// requested ids) and ready. Empty when all are.
    /// </summary>
    public static Dictionary<string, string[]> CheckItems(IReadOnlyCollection<Guid> requested, IReadOnlyCollection<ClosetItem> ownItems)
    {
        var found = ownItems.ToDictionary(i => i.Id);
        var missing = requested.Where(id => !found.ContainsKey(id)).Distinct().ToList();
        var notReady = requested.Where(id => found.TryGetValue(id, out var item) && item.Status != ItemStatus.Ready).Distinct().ToList();
        var messages = new List<string>();
        if (missing.Count > 0)
        {
            messages.Add(missing.Count == 1
                ? $"Item {missing[0]} was not found in your closet."
                : $"Items {string.Join(", ", missing)} were not found in your closet.");
        }

        if (notReady.Count > 0)
        {
            messages.Add($"{Items(notReady)} not ready; an item joins outfits once its photo is analysed.");
        }

        return messages.Count == 0
            ? new Dictionary<string, string[]>(StringComparer.Ordinal)
            : new Dictionary<string, string[]>(StringComparer.Ordinal) { ["itemIds"] = [.. messages] };
    }

    /// <summary>"Item x is" or "Items x, y are".</summary>
    private static string Items(IReadOnlyList<Guid> ids) =>
        ids.Count == 1 ? $"Item {ids[0]} is" : $"Items {string.Join(", ", ids)} are";
}

using ClosetConnect.Contracts;

namespace ClosetConnect.Closet.Items;

/// <summary>Field rules for creating and editing items; each failure names its field.</summary>
public static class ItemDetailsValidator
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 30;

    public static Dictionary<string, string[]> Validate(ItemDetails details, bool isCreate)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        if (isCreate || details.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(details.Name) || details.Name.Trim().Length > 100)
            {
                errors["name"] = ["Name is required and at most 100 characters."];
            }
        }

        if (details.Category is { Length: > 0 } category && !GarmentCategories.All.Contains(category))
        {
            errors["category"] = [$"Category must be one of: {string.Join(", ", GarmentCategories.All)}."];
        }

        if (details.Season is { Length: > 0 } season && !Seasons.All.Contains(season))
        {
            errors["season"] = [$"Season must be one of: {string.Join(", ", Seasons.All)}."];
        }

        if (details.Brand is { Length: > 100 })
        {
            errors["brand"] = ["Brand is at most 100 characters."];
        }

        if (details.Size is { Length: > 20 })
        {
            errors["size"] = ["Size is at most 20 characters."];
        }

        if (details.Tags is { } tags
            && (tags.Count > MaxTags || tags.Any(t => t.Length is 0 or > MaxTagLength || t.Contains(',', StringComparison.Ordinal))))
        {
            errors["tags"] = [$"At most {MaxTags} tags of 1 to {MaxTagLength} characters, without commas."];
        }

        return errors;
    }

    /// <summary>Tags arrive as one comma-separated form field: trimmed, lower-cased, de-duplicated.</summary>
    public static IReadOnlyList<string>? ParseTags(string? tags) =>
        tags is null
            ? null
            : tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList();
}

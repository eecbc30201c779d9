namespace ClosetConnect.Closet.Items;

/// <summary><c>?category=&amp;color=&amp;q=&amp;page=&amp;pageSize=</c> for the item list.</summary>
public sealed record ItemListQuery(string? Category, string? Color, string? Q, int? Page, int? PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (PageNumber < 1)
        {
            errors["page"] = ["Page starts at 1."];
        }

        if (Size is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Page size is 1 to {MaxPageSize}."];
        }

        if (Q is { Length: > 100 })
        {
            errors["q"] = ["Search text is at most 100 characters."];
        }

        return errors;
    }

    /// <summary>The category filter, or null for none.</summary>
    public string? CategoryFilter => string.IsNullOrWhiteSpace(Category) ? null : Category;

    /// <summary>A colour name ("navy") or a hex code, with or without '#', lower-cased; null for no colour filter.</summary>
    public string? ColorFilter => string.IsNullOrWhiteSpace(Color) ? null : Color.Trim().ToLowerInvariant();

    /// <summary>The text searched in name, brand and tags; null for no search.</summary>
    public string? TextFilter => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();

    /// <summary>One name for every request that reads the same page: the filters as applied, the page and its size.</summary>
    public string View => string.Join('\u001f', CategoryFilter, ColorFilter, TextFilter, PageNumber, Size);

    public IQueryable<ClosetItem> Apply(IQueryable<ClosetItem> items)
    {
        if (CategoryFilter is { } category)
        {
            items = items.Where(i => i.Category == category);
        }

        if (ColorFilter is { } color)
        {
            var hex = color.StartsWith('#') ? color : "#" + color;
            items = items.Where(i => i.Colors.Any(c => c.Name == color || c.Hex == hex));
        }

        if (TextFilter is { } text)
        {
            items = items.Where(i => i.Name.Contains(text) || (i.Brand != null && i.Brand.Contains(text)) || i.Tags.Contains(text));
        }

        return items;
    }
}

using ClosetConnect.Closet.Items;

namespace ClosetConnect.Closet.Market;

/// <summary>
/// <c>?category=&amp;color=&amp;q=&amp;minPrice=&amp;maxPrice=&amp;page=&amp;pageSize=</c> for the market. Category, colour
/// and text filter the listed items exactly as <see cref="ItemListQuery"/> filters a closet.
/// </summary>
public sealed record MarketListingQuery(string? Category, string? Color, string? Q, long? MinPrice, long? MaxPrice, int? Page, int? PageSize)
{
    public ItemListQuery Items => new(Category, Color, Q, Page, PageSize);

    public Dictionary<string, string[]> Validate()
    {
        var errors = Items.Validate();
        if (MinPrice is < 0)
        {
            errors["minPrice"] = ["The lowest price is 0 or more."];
        }

        if (MaxPrice is < 0)
        {
            errors["maxPrice"] = ["The highest price is 0 or more."];
        }

        if (MinPrice is { } min && MaxPrice is { } max && min > max)
        {
            errors["minPrice"] = [$"The lowest price ({min}) is above the highest ({max})."];
        }

        return errors;
    }

    public IQueryable<Listing> Apply(IQueryable<Listing> listings)
    {
        if (MinPrice is { } min)
        {
            listings = listings.Where(l => l.Price >= min);
        }

        if (MaxPrice is { } max)
        {
            listings = listings.Where(l => l.Price <= max);
        }

        return listings;
    }
}

using System.Globalization;

namespace ClosetConnect.Closet.Listings;

/// <summary>Price, currency and description rules for a new listing; each failure names its field.</summary>
public static class ListingRequestValidator
{
    public static Dictionary<string, string[]> Validate(ListingRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var range = string.Create(CultureInfo.InvariantCulture, $"{Listing.MinPrice:N0} to {Listing.MaxPrice:N0} KRW");
        if (request.Price is not { } price)
        {
            errors["price"] = [$"Price is required: a whole number of won, {range}."];
        }
        else if (price != decimal.Truncate(price))
        {
            errors["price"] = [$"Price is a whole number of won (KRW has no minor unit), {range}."];
        }
        else if (price is < Listing.MinPrice or > Listing.MaxPrice)
        {
            errors["price"] = [$"Price is {range}."];
        }

        if (request.Currency is { } currency && !string.Equals(currency.Trim(), Listing.Krw, StringComparison.OrdinalIgnoreCase))
        {
            errors["currency"] = ["The marketplace takes KRW only."];
        }

        if (request.Description is { Length: > Listing.MaxDescriptionLength })
        {
            errors["description"] = [$"Description is at most {Listing.MaxDescriptionLength} characters."];
        }

        return errors;
    }
}

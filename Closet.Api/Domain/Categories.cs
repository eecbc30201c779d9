namespace ClosetConnect.Closet.Domain;

/// <summary>The closet's garment categories; Vision.Worker maps its segmentation labels onto these.</summary>
public static class Categories
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "top", "bottom", "skirt", "dress", "shoes", "hat", "bag", "scarf", "belt", "accessory",
    };
}

public static class Seasons
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "spring", "summer", "autumn", "winter", "all",
    };
}

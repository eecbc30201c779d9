namespace ClosetConnect.Contracts;

/// <summary>
/// The closet's garment categories: what clients may set on an item, and what the vision worker maps its
/// segmentation classes onto.
/// </summary>
public static class GarmentCategories
{
    public const string Top = "top";
    public const string Bottom = "bottom";
    public const string Skirt = "skirt";
    public const string Dress = "dress";
    public const string Shoes = "shoes";
    public const string Hat = "hat";
    public const string Bag = "bag";
    public const string Scarf = "scarf";
    public const string Belt = "belt";

    /// <summary>What fits no other category; of the model's classes, sunglasses.</summary>
    public const string Accessory = "accessory";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Top, Bottom, Skirt, Dress, Shoes, Hat, Bag, Scarf, Belt, Accessory,
    };
}

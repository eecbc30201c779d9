namespace ClosetConnect.Vision.Analysis;

/// <summary>The closet's item categories the analysis can name.</summary>
public static class ClosetCategories
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

    /// <summary>Sunglasses: the model's only accessory class that is not one of the categories above.</summary>
    public const string Accessory = "accessory";
}

namespace ClosetConnect.Vision.Analysis;

/// <summary>
/// One kind of closet item the model can see, and the model classes that make it up. Left and right shoe
/// are one item (a pair); body parts, hair, face and background are never garments.
/// </summary>
public sealed record GarmentKind(string Label, string Category, SegmentationLabel[] Classes)
{
    /// <summary>
    /// Every garment kind. Sunglasses count as an accessory: a photo of just sunglasses is a closet item, and
    /// on a worn outfit they are too small ever to beat the clothes to "main garment".
    /// </summary>
    public static IReadOnlyList<GarmentKind> All { get; } =
    [
        new("Hat", ClosetCategories.Hat, [SegmentationLabel.Hat]),
        new("Sunglasses", ClosetCategories.Accessory, [SegmentationLabel.Sunglasses]),
        new("Upper-clothes", ClosetCategories.Top, [SegmentationLabel.UpperClothes]),
        new("Skirt", ClosetCategories.Skirt, [SegmentationLabel.Skirt]),
        new("Pants", ClosetCategories.Bottom, [SegmentationLabel.Pants]),
        new("Dress", ClosetCategories.Dress, [SegmentationLabel.Dress]),
        new("Belt", ClosetCategories.Belt, [SegmentationLabel.Belt]),
        new("Shoes", ClosetCategories.Shoes, [SegmentationLabel.LeftShoe, SegmentationLabel.RightShoe]),
        new("Bag", ClosetCategories.Bag, [SegmentationLabel.Bag]),
        new("Scarf", ClosetCategories.Scarf, [SegmentationLabel.Scarf]),
    ];

    public bool Contains(SegmentationLabel label) => Array.IndexOf(Classes, label) >= 0;
}

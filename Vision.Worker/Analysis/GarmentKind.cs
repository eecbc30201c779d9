using ClosetConnect.Contracts;
using ClosetConnect.Vision.Inference;

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
        new("Hat", GarmentCategories.Hat, [SegmentationLabel.Hat]),
        new("Sunglasses", GarmentCategories.Accessory, [SegmentationLabel.Sunglasses]),
        new("Upper-clothes", GarmentCategories.Top, [SegmentationLabel.UpperClothes]),
        new("Skirt", GarmentCategories.Skirt, [SegmentationLabel.Skirt]),
        new("Pants", GarmentCategories.Bottom, [SegmentationLabel.Pants]),
        new("Dress", GarmentCategories.Dress, [SegmentationLabel.Dress]),
        new("Belt", GarmentCategories.Belt, [SegmentationLabel.Belt]),
        new("Shoes", GarmentCategories.Shoes, [SegmentationLabel.LeftShoe, SegmentationLabel.RightShoe]),
        new("Bag", GarmentCategories.Bag, [SegmentationLabel.Bag]),
        new("Scarf", GarmentCategories.Scarf, [SegmentationLabel.Scarf]),
    ];

    public bool Contains(SegmentationLabel label) => Array.IndexOf(Classes, label) >= 0;
}

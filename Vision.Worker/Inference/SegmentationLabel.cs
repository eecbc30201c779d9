namespace ClosetConnect.Vision.Inference;

/// <summary>The model's 18 classes, in output-channel order; the value is the class index in the label map.</summary>
public enum SegmentationLabel : byte
{
    Background = 0,
    Hat = 1,
    Hair = 2,
    Sunglasses = 3,
    UpperClothes = 4,
    Skirt = 5,
    Pants = 6,
    Dress = 7,
    Belt = 8,
    LeftShoe = 9,
    RightShoe = 10,
    Face = 11,
    LeftLeg = 12,
    RightLeg = 13,
    LeftArm = 14,
    RightArm = 15,
    Bag = 16,
    Scarf = 17,
}

/// <summary>The label names exactly as the model card (and fixtures.json) spell them.</summary>
public static class SegmentationLabels
{
    private static readonly string[] Names =
    [
        "Background", "Hat", "Hair", "Sunglasses", "Upper-clothes", "Skirt", "Pants", "Dress", "Belt",
        "Left-shoe", "Right-shoe", "Face", "Left-leg", "Right-leg", "Left-arm", "Right-arm", "Bag", "Scarf",
    ];

    public static IReadOnlyList<string> All => Names;

    public static string NameOf(SegmentationLabel label) => Names[(int)label];

    public static SegmentationLabel Parse(string name)
    {
        var index = Array.IndexOf(Names, name);
        return index >= 0 ? (SegmentationLabel)index : throw new ArgumentException($"'{name}' is not a label of the model.", nameof(name));
    }
}

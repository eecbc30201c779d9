namespace ClosetConnect.Vision.Colors;

/// <summary>
/// A small palette of the colour names people use for clothes; a colour is named after its nearest entry
/// by CIEDE2000. Kept short on purpose: "navy" is more useful in a closet filter than "midnight sapphire".
/// </summary>
public static class ColorNamePalette
{
    private static readonly (string Name, LabColor Lab)[] Entries =
    [
        ("black", LabColor.FromHex("#151515")),
        ("charcoal", LabColor.FromHex("#3b3f44")),
        ("gray", LabColor.FromHex("#808080")),
        ("light gray", LabColor.FromHex("#c6c6c6")),
        ("white", LabColor.FromHex("#f7f7f5")),
        ("cream", LabColor.FromHex("#f2ead3")),
        ("beige", LabColor.FromHex("#d9c4a1")),
        ("khaki", LabColor.FromHex("#b8a878")),
        ("camel", LabColor.FromHex("#c19a6b")),
        ("brown", LabColor.FromHex("#6b4423")),
        ("burgundy", LabColor.FromHex("#7a1f32")),
        ("red", LabColor.FromHex("#d71a21")),
        ("coral", LabColor.FromHex("#f47c5c")),
        ("pink", LabColor.FromHex("#f4a7bb")),
        ("magenta", LabColor.FromHex("#c2267a")),
        ("orange", LabColor.FromHex("#f08a24")),
        ("mustard", LabColor.FromHex("#d1a21c")),
        ("yellow", LabColor.FromHex("#f5d93a")),
        ("olive", LabColor.FromHex("#6b7a2f")),
        ("sage", LabColor.FromHex("#a3b18a")),
        ("lime", LabColor.FromHex("#8fd13f")),
        ("green", LabColor.FromHex("#2e8b47")),
        ("mint", LabColor.FromHex("#a6e3c4")),
        ("teal", LabColor.FromHex("#137c7c")),
        ("light blue", LabColor.FromHex("#9cc4e8")),
        ("blue", LabColor.FromHex("#2358c4")),
        ("navy", LabColor.FromHex("#1c2a4a")),
        ("purple", LabColor.FromHex("#6a3d9a")),
        ("violet", LabColor.FromHex("#a65fd8")),
        ("lavender", LabColor.FromHex("#b9a7db")),
    ];

    public static IEnumerable<string> Names => Entries.Select(entry => entry.Name);

    public static string NameOf(LabColor color)
    {
        var bestName = Entries[0].Name;
        var bestDistance = double.MaxValue;
        foreach (var (name, lab) in Entries)
        {
            var distance = color.DeltaE2000(lab);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                bestName = name;
            }
        }

        return bestName;
    }
}

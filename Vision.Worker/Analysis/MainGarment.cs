using ClosetConnect.Vision.Inference;

namespace ClosetConnect.Vision.Analysis;

/// <summary>The garment the photo is about: the garment kind covering the most pixels.</summary>
public sealed record MainGarment(GarmentKind Kind, int PixelCount)
{
    /// <summary>
    /// Fewer pixels than this share of the photo is read as model noise, not a garment: the photo then has no
    /// main garment (category null, colours of the whole photo).
    /// </summary>
    public const double MinimumShare = 0.002;

    /// <summary>
    /// A dress is one piece, but segmenters often read part of it as Upper-clothes, Skirt or Pants. A dress covering
    /// at least this share of the largest of those is the garment the photo is about.
    /// </summary>
    public const double OnePieceShare = 0.5;

    private static readonly string[] SplitOnePieceReadings = ["Upper-clothes", "Skirt", "Pants"];

    /// <summary>
    /// Picks the largest garment kind (left and right shoe counted together; a substantial dress over the parts it
    /// is often misread as), or null when none is big enough.
    /// </summary>
    public static MainGarment? Select(ReadOnlySpan<int> pixelsPerClass, int photoPixels)
    {
        MainGarment? best = null;
        foreach (var kind in GarmentKind.All)
        {
            var pixels = 0;
            foreach (var label in kind.Classes)
            {
                pixels += pixelsPerClass[(int)label];
            }

            if (pixels > 0 && pixels > (best?.PixelCount ?? 0))
            {
                best = new MainGarment(kind, pixels);
            }
        }

        if (best is not null && Array.IndexOf(SplitOnePieceReadings, best.Kind.Label) >= 0)
        {
            var dress = GarmentKind.All.Single(kind => kind.Label == "Dress");
            var dressPixels = pixelsPerClass[(int)SegmentationLabel.Dress];
            if (dressPixels >= OnePieceShare * best.PixelCount)
            {
                best = new MainGarment(dress, dressPixels);
            }
        }

        return best is not null && best.PixelCount >= MinimumShare * photoPixels ? best : null;
    }

    /// <summary>One flag per class: whether a pixel of that class belongs to this garment.</summary>
    public void FillMembership(Span<bool> isMember)
    {
        isMember.Clear();
        foreach (var label in Kind.Classes)
        {
            isMember[(int)label] = true;
        }
    }
}

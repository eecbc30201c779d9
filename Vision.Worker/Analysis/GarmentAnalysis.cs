using ClosetConnect.Contracts.Events;

namespace ClosetConnect.Vision.Analysis;

/// <summary>
/// What the analysis found in one photo. <paramref name="Category"/> and <paramref name="MainLabel"/> are null when
/// no garment was found; the colours are then those of the whole photo and the cut-out is the whole photo.
/// </summary>
/// <param name="Category">The closet category of the main garment (see <see cref="Contracts.GarmentCategories"/>).</param>
/// <param name="MainLabel">The model label of the main garment ("Upper-clothes", …; "Shoes" for the pair).</param>
/// <param name="Colors">The main garment's colours, largest share first.</param>
/// <param name="MaskPng">Label map: 8-bit grayscale PNG at the photo's size, each pixel the class index 0–17.</param>
/// <param name="CutoutPng">The main garment on transparency, cropped to its bounding box plus a margin, edges softened.</param>
/// <param name="Width">Width of the (upright, possibly scaled-down) photo the mask refers to.</param>
/// <param name="Height">Height of that photo.</param>
/// <param name="ModelVersion">Model file name and the start of its SHA-256, e.g. "clothes-segformer-b0@3f2a9c01d4e5".</param>
/// <param name="Timings">
/// Milliseconds per stage, in the shape <see cref="ItemAnalyzedEvent"/> carries them: queue wait is the time between the
/// photo being ready for the model and its batch starting; inference is the run time of the model call the photo was
/// part of (shared by the <see cref="AnalysisTimings.BatchSize"/> photos of its batch); postprocess is upsampling,
/// argmax, main garment and colours; encode is the mask and cut-out PNG encoding; total is the sum of the stages.
/// </param>
public sealed record GarmentAnalysis(
    string? Category,
    string? MainLabel,
    IReadOnlyList<GarmentColor> Colors,
    byte[] MaskPng,
    byte[] CutoutPng,
    int Width,
    int Height,
    string ModelVersion,
    AnalysisTimings Timings);

/// <summary>One colour of a garment.</summary>
/// <param name="Hex">sRGB as "#rrggbb".</param>
/// <param name="Name">The nearest name of a small fashion palette (CIEDE2000), e.g. "navy".</param>
/// <param name="Share">Fraction of the garment's pixels in this colour, 0–1 (rounded to 3 decimals).</param>
public sealed record GarmentColor(string Hex, string Name, double Share);

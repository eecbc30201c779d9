using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Colors;
using ClosetConnect.Vision.Inference;
using SkiaSharp;

namespace ClosetConnect.Vision.UnitTests;

[TestFixture]
public sealed class GarmentColorTests
{
    /// <summary>
    /// A fixture photo whose garment (per ground truth) is repainted in one colour, keeping its shading, and whose
    /// background is repainted in another: the garment's colour comes first and the background's is not reported.
    /// </summary>
    [TestCase("photo-03", "#c8102e", "red", "#9cc4e8")]
    [TestCase("photo-10", "#1c2a4a", "navy", "#f5d93a")]
    [TestCase("photo-06", "#2e8b47", "green", "#f4a7bb")]
    public async Task Recoloured_garment_reports_its_colour_first_and_never_the_background(string photoName, string garmentHex, string garmentName, string backgroundHex)
    {
        var photo = VisionFixtures.Manifest.Fixtures.Single(fixture => fixture.ToString() == photoName);
        var garmentLabel = (byte)SegmentationLabels.Parse(photo.Main);
        var png = Recolour(photo, garmentLabel, SKColor.Parse(garmentHex), SKColor.Parse(backgroundHex));

        var analysis = await BundledModel.Analyzer.AnalyzeAsync(png, CancellationToken.None);

        TestContext.Out.WriteLine(string.Join(", ", analysis.Colors));
        var first = analysis.Colors[0];
        var background = LabColor.FromHex(backgroundHex);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.MainLabel, Is.EqualTo(photo.Main));
            Assert.That(first.Name, Is.EqualTo(garmentName));
            Assert.That(LabColor.FromHex(first.Hex).DeltaE2000(LabColor.FromHex(garmentHex)), Is.LessThan(5));
            Assert.That(first.Share, Is.GreaterThan(0.8));
            Assert.That(analysis.Colors.Where(color => LabColor.FromHex(color.Hex).DeltaE2000(background) < 10), Is.Empty);
            Assert.That(analysis.Colors.Sum(color => color.Share), Is.LessThanOrEqualTo(1.0001));
        });
    }

    [Test]
    public async Task Photo_without_a_garment_has_no_category_and_the_colours_of_the_whole_photo()
    {
        // An empty backdrop like the ones the fixture model was trained on: a soft diagonal gradient.
        using var backdrop = new SKBitmap(new SKImageInfo(320, 240, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(backdrop))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(320, 240), [SKColor.Parse("#9fd3c7"), SKColor.Parse("#d5d58f")], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, 320, 240, paint);
        }

        var analysis = await BundledModel.Analyzer.AnalyzeAsync(backdrop.Encode(SKEncodedImageFormat.Png, 100).ToArray(), CancellationToken.None);

        TestContext.Out.WriteLine(string.Join(", ", analysis.Colors));
        var truth = VisionFixtures.DecodeLabelMap(analysis.MaskPng, out _, out _);
        Assert.Multiple(() =>
        {
            Assert.That(truth.Count(label => label != 0), Is.LessThan(MainGarment.MinimumShare * truth.Length));
            Assert.That(analysis.Category, Is.Null);
            Assert.That(analysis.MainLabel, Is.Null);
            Assert.That(analysis.Colors, Is.Not.Empty);
            Assert.That(analysis.Colors.Sum(color => color.Share), Is.GreaterThan(0.9), "every pixel of the photo counts");
            Assert.That((analysis.Width, analysis.Height), Is.EqualTo((320, 240)));
        });
        using var cutout = SKBitmap.Decode(analysis.CutoutPng);
        Assert.That((cutout.Width, cutout.Height, cutout.GetPixel(0, 0).Alpha), Is.EqualTo((320, 240, (byte)255)));
    }

    [Test]
    public async Task Cutout_is_cropped_to_the_garment_with_transparent_surroundings_and_soft_edges()
    {
        var photo = VisionFixtures.Manifest.Fixtures.Single(fixture => fixture.ToString() == "photo-06");
        var analysis = await BundledModel.Analyzer.AnalyzeAsync(VisionFixtures.ReadImage(photo), CancellationToken.None);

        using var cutout = SKBitmap.Decode(analysis.CutoutPng);
        Assert.That(cutout.Width, Is.LessThan(analysis.Width));
        Assert.That(cutout.Height, Is.LessThan(analysis.Height));
        var alphas = new HashSet<byte>();
        for (var y = 0; y < cutout.Height; y++)
        {
            for (var x = 0; x < cutout.Width; x++)
            {
                alphas.Add(cutout.GetPixel(x, y).Alpha);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(cutout.GetPixel(0, 0).Alpha, Is.Zero, "the margin is transparent");
            Assert.That(alphas, Does.Contain((byte)255));
            Assert.That(alphas.Count(alpha => alpha is > 0 and < 255), Is.GreaterThan(1), "the edge is feathered");
        });
    }

    // Pairs from Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes".
    [TestCase(50.0000f, 2.6772f, -79.7751f, 50.0000f, 0.0000f, -82.7485f, 2.0425)]
    [TestCase(50.0000f, 0.0000f, 0.0000f, 50.0000f, -1.0000f, 2.0000f, 2.3669)]
    [TestCase(50.0000f, 2.5000f, 0.0000f, 73.0000f, 25.0000f, -18.0000f, 27.1492)]
    [TestCase(60.2574f, -34.0099f, 36.2677f, 60.4626f, -34.1751f, 39.4387f, 1.2644)]
    [TestCase(2.0776f, 0.0795f, -1.1350f, 0.9033f, -0.0636f, -0.5514f, 0.9082)]
    public void DeltaE2000_matches_the_published_test_data(float l1, float a1, float b1, float l2, float a2, float b2, double expected)
    {
        var difference = new LabColor(l1, a1, b1).DeltaE2000(new LabColor(l2, a2, b2));
        Assert.That(difference, Is.EqualTo(expected).Within(0.0001));
    }

    [TestCase("#000000", "black")]
    [TestCase("#ffffff", "white")]
    [TestCase("#1c2a4a", "navy")]
    [TestCase("#c19a6b", "camel")]
    [TestCase("#d71a21", "red")]
    [TestCase("#ff2010", "red")]
    [TestCase("#7f7f7f", "gray")]
    public void Colour_names_come_from_the_nearest_palette_entry(string hex, string name) =>
        Assert.That(ColorNamePalette.NameOf(LabColor.FromHex(hex)), Is.EqualTo(name));

    [TestCase("#000000")]
    [TestCase("#ffffff")]
    [TestCase("#1c2a4a")]
    [TestCase("#c8102e")]
    [TestCase("#8fd13f")]
    public void Lab_round_trips_to_the_same_hex(string hex) =>
        Assert.That(LabColor.FromHex(hex).ToHex(), Is.EqualTo(hex));

    private static byte[] Recolour(FixturePhoto photo, byte garmentLabel, SKColor garment, SKColor background)
    {
        using var bitmap = SKBitmap.Decode(VisionFixtures.ReadImage(photo)).Copy(SKColorType.Rgba8888);
        var labels = VisionFixtures.ReadLabels(photo);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < labels.Length; i++)
        {
            var p = i * 4;
            if (labels[i] == garmentLabel)
            {
                // Keep the fabric's shading: brighter or darker than mid-grey moves the new colour a little.
                var luminance = (0.299 * pixels[p] + 0.587 * pixels[p + 1] + 0.114 * pixels[p + 2]) / 255.0;
                var shade = 0.9 + 0.2 * luminance;
                pixels[p] = (byte)Math.Clamp(garment.Red * shade, 0, 255);
                pixels[p + 1] = (byte)Math.Clamp(garment.Green * shade, 0, 255);
                pixels[p + 2] = (byte)Math.Clamp(garment.Blue * shade, 0, 255);
            }
            else if (labels[i] == 0)
            {
                pixels[p] = background.Red;
                pixels[p + 1] = background.Green;
                pixels[p + 2] = background.Blue;
            }
        }

        return bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}

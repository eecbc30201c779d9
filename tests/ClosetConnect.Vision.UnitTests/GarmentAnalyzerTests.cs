using ClosetConnect.Closet.Uploads;
using ClosetConnect.Vision.Analysis;
using SkiaSharp;

namespace ClosetConnect.Vision.UnitTests;

/// <summary>The analyser end to end on inputs a camera or a careless client produces.</summary>
[TestFixture]
public sealed class GarmentAnalyzerTests
{
    [Test]
    public async Task Corrupt_upload_is_refused_with_a_reason()
    {
        var photo = VisionFixtures.ReadImage(VisionFixtures.Manifest.Fixtures[0]);
        photo.AsSpan(0, 16).Clear(); // no signature any decoder recognises

        var error = await Assert.ThrowsAsync<UnreadableImageException>(() => BundledModel.Analyzer.AnalyzeAsync(photo, CancellationToken.None));

        Assert.That(error!.Reason, Does.Contain("not an image"));
    }

    /// <summary>
    /// A phone stores the fixture photo sideways (rotated 90° anticlockwise) in a JPEG tagged orientation 6. Closet
    /// stores it upright (the worker reads only what Closet stored), and the analysis of that stored photo lines up
    /// with the fixture's ground truth.
    /// </summary>
    [Test]
    public async Task A_sideways_phone_photo_as_Closet_stores_it_is_analysed_upright()
    {
        var fixture = VisionFixtures.Manifest.Fixtures.Single(photo => photo.ToString() == "photo-04");
        using var upright = SKBitmap.Decode(VisionFixtures.ReadImage(fixture));
        using var sideways = new SKBitmap(upright.Height, upright.Width);
        using (var canvas = new SKCanvas(sideways))
        {
            canvas.Translate(0, upright.Width);
            canvas.RotateDegrees(-90);
            canvas.DrawBitmap(upright, 0, 0);
        }

        var jpeg = ExifJpeg.WithOrientation(sideways.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray(), 6);
        var (stored, problem) = UploadImageSanitizer.Sanitize(jpeg, UploadValidator.Jpeg);
        Assert.That(problem, Is.Null);

        var analysis = await BundledModel.Analyzer.AnalyzeAsync(stored!.Content, CancellationToken.None);

        var predicted = VisionFixtures.DecodeLabelMap(analysis.MaskPng, out var width, out var height);
        Assert.That((width, height), Is.EqualTo((upright.Width, upright.Height)));
        Assert.That(analysis.MainLabel, Is.EqualTo(fixture.Main));
        Assert.That(VisionFixtures.MeanIoU(VisionFixtures.ReadLabels(fixture), predicted), Is.GreaterThan(fixture.ReferenceMeanIoU - 0.03));
    }

    [Test]
    public async Task Photo_of_another_size_is_analysed_at_its_own_size()
    {
        var fixture = VisionFixtures.Manifest.Fixtures.Single(photo => photo.ToString() == "photo-09");
        using var original = SKBitmap.Decode(VisionFixtures.ReadImage(fixture));
        using var larger = original.Resize(new SKImageInfo(900, 900), new SKSamplingOptions(SKCubicResampler.Mitchell));

        var analysis = await BundledModel.Analyzer.AnalyzeAsync(larger.Encode(SKEncodedImageFormat.Png, 100).ToArray(), CancellationToken.None);

        Assert.That((analysis.Width, analysis.Height), Is.EqualTo((900, 900)));
        Assert.That(analysis.MainLabel, Is.EqualTo(fixture.Main));
        // Scored against the 512×512 ground truth: the 900×900 label map sampled back at the fixture's pixels.
        using var mask = SKBitmap.Decode(analysis.MaskPng);
        using var maskAtFixtureSize = mask.Resize(new SKImageInfo(512, 512, SKColorType.Gray8, SKAlphaType.Opaque), new SKSamplingOptions(SKFilterMode.Nearest));
        var predicted = maskAtFixtureSize.GetPixelSpan().ToArray();
        Assert.That(VisionFixtures.MeanIoU(VisionFixtures.ReadLabels(fixture), predicted), Is.GreaterThan(fixture.ReferenceMeanIoU - 0.03));
    }
}

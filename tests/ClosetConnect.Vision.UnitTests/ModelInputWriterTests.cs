using ClosetConnect.Vision.Imaging;
using ClosetConnect.Vision.Inference;
using SkiaSharp;

namespace ClosetConnect.Vision.UnitTests;

public sealed class ModelInputWriterTests
{
    [Test]
    public void Photo_of_model_size_is_normalised_per_channel_in_planar_rgb_order()
    {
        using var photo = Solid(ModelContract.InputSize, ModelContract.InputSize, new SKColor(255, 128, 0));
        photo.SetPixel(3, 2, new SKColor(10, 20, 30));
        var tensor = new float[ModelContract.InputLength];

        ModelInputWriter.Write(photo, tensor);

        var plane = ModelContract.PlaneLength;
        Assert.Multiple(() =>
        {
            Assert.That(tensor[0], Is.EqualTo((1f - 0.485f) / 0.229f).Within(1e-5));
            Assert.That(tensor[plane], Is.EqualTo((128 / 255f - 0.456f) / 0.224f).Within(1e-5));
            Assert.That(tensor[2 * plane], Is.EqualTo((0f - 0.406f) / 0.225f).Within(1e-5));
            var index = 2 * ModelContract.InputSize + 3;
            Assert.That(tensor[index], Is.EqualTo((10 / 255f - 0.485f) / 0.229f).Within(1e-5));
            Assert.That(tensor[plane + index], Is.EqualTo((20 / 255f - 0.456f) / 0.224f).Within(1e-5));
            Assert.That(tensor[2 * plane + index], Is.EqualTo((30 / 255f - 0.406f) / 0.225f).Within(1e-5));
        });
    }

    [TestCase(1024, 768)]
    [TestCase(300, 200)]
    [TestCase(513, 512)]
    public void Resized_photo_of_one_colour_stays_that_colour(int width, int height)
    {
        using var photo = Solid(width, height, new SKColor(40, 160, 220));
        var tensor = new float[ModelContract.InputLength];

        ModelInputWriter.Write(photo, tensor);

        var plane = ModelContract.PlaneLength;
        Assert.That(tensor.AsSpan(0, plane).ToArray(), Is.All.EqualTo((40 / 255f - 0.485f) / 0.229f).Within(1e-4));
        Assert.That(tensor.AsSpan(plane, plane).ToArray(), Is.All.EqualTo((160 / 255f - 0.456f) / 0.224f).Within(1e-4));
        Assert.That(tensor.AsSpan(2 * plane, plane).ToArray(), Is.All.EqualTo((220 / 255f - 0.406f) / 0.225f).Within(1e-4));
    }

    /// <summary>PIL's bilinear: identity at equal size; when halving, each output averages a 4-pixel triangle (1,3,3,1)/8.</summary>
    [Test]
    public void Resample_weights_match_pil_bilinear()
    {
        var same = ResampleWeights.Bilinear(512, 512);
        Assert.That(same.For(7).ToArray(), Is.EqualTo(new[] { 1f, 0f }));
        Assert.That(same.First[7], Is.EqualTo(7));

        var half = ResampleWeights.Bilinear(1024, 512);
        Assert.That(half.First[10], Is.EqualTo(19));
        Assert.That(half.For(10).ToArray(), Is.EqualTo(new[] { 0.125f, 0.375f, 0.375f, 0.125f }).Within(1e-6));

        var shrink = ResampleWeights.Bilinear(2000, 512);
        for (var i = 0; i < 512; i++)
        {
            Assert.That(shrink.For(i).ToArray().Sum(), Is.EqualTo(1f).Within(1e-5));
        }
    }

    private static SKBitmap Solid(int width, int height, SKColor color)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(color);
        return bitmap;
    }
}

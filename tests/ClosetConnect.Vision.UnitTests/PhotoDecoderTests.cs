using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Imaging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ClosetConnect.Vision.UnitTests;

public sealed class PhotoDecoderTests
{
    private static readonly SKColor Red = new(220, 20, 20);
    private static readonly SKColor Blue = new(20, 20, 220);

    [Test]
    public void Random_bytes_are_refused_with_a_reason()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);

        var error = Assert.Throws<UnreadableImageException>(() => Decoder().Decode(garbage));
        Assert.That(error!.Reason, Does.Contain("not an image"));
    }

    [Test]
    public void Empty_upload_is_refused() =>
        Assert.That(() => Decoder().Decode([]), Throws.TypeOf<UnreadableImageException>().With.Message.Contains("empty"));

    [Test]
    public void Truncated_photo_is_refused_rather_than_analysed_half_grey()
    {
        var photo = VisionFixtures.ReadImage(VisionFixtures.Manifest.Fixtures[0]);

        var error = Assert.Throws<UnreadableImageException>(() => Decoder().Decode(photo.AsSpan(0, photo.Length / 2)));
        Assert.That(error!.Reason, Does.Contain("truncated"));
    }

    [Test]
    public void Photo_declaring_more_pixels_than_allowed_is_refused_before_decoding()
    {
        var png = Encode(Solid(1200, 1000, Red), SKEncodedImageFormat.Png);

        var error = Assert.Throws<UnreadableImageException>(() => Decoder(new VisionOptions { MaxInputPixels = 1_000_000 }).Decode(png));
        Assert.That(error!.Reason, Does.Contain("1200×1000"));
    }

    [Test]
    public void Large_photo_is_scaled_down_to_the_working_size_keeping_its_aspect()
    {
        var jpeg = Encode(Solid(3000, 1500, Blue), SKEncodedImageFormat.Jpeg);

        using var photo = Decoder(new VisionOptions { MaxWorkingDimension = 1024 }).Decode(jpeg);

        Assert.That((photo.Width, photo.Height), Is.EqualTo((1024, 512)));
        Assert.That(photo.ColorType, Is.EqualTo(SKColorType.Rgba8888));
    }

    [Test]
    public void Transparent_areas_become_white()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(8, 8, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(SKColors.Transparent);
        bitmap.SetPixel(0, 0, Red);

        using var photo = Decoder().Decode(Encode(bitmap, SKEncodedImageFormat.Png));

        Assert.That(photo.GetPixel(5, 5), Is.EqualTo(SKColors.White));
        Assert.That(photo.GetPixel(0, 0), Is.EqualTo(Red));
    }

    private static PhotoDecoder Decoder(VisionOptions? options = null) => new(Options.Create(options ?? new VisionOptions()));

    private static SKBitmap Solid(int width, int height, SKColor color)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(color);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format) => bitmap.Encode(format, 95).ToArray();
}

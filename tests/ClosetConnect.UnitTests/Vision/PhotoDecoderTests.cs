using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Imaging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ClosetConnect.UnitTests.Vision;

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

    /// <summary>A JPEG stored landscape with EXIF orientation 6 ("rotate 90° clockwise to view") decodes upright.</summary>
    [Test]
    public void Exif_orientation_of_a_jpeg_is_honoured()
    {
        // Stored 40×20: left half red, right half blue. Upright it is 20×40 with red on top.
        using var stored = Solid(40, 20, Blue);
        using (var canvas = new SKCanvas(stored))
        {
            canvas.DrawRect(0, 0, 20, 20, new SKPaint { Color = Red });
        }

        var jpeg = ExifJpeg.WithOrientation(Encode(stored, SKEncodedImageFormat.Jpeg), 6);
        using (var codec = SKCodec.Create(new MemoryStream(jpeg)))
        {
            Assert.That(codec.EncodedOrigin, Is.EqualTo(SKEncodedOrigin.RightTop), "the test JPEG carries the tag");
        }

        using var photo = Decoder().Decode(jpeg);

        Assert.That((photo.Width, photo.Height), Is.EqualTo((20, 40)));
        AssertMostlyRed(photo.GetPixel(10, 8));
        AssertMostlyBlue(photo.GetPixel(10, 32));
    }

    /// <summary>Each EXIF origin moves the stored top-left pixel to where the camera meant it.</summary>
    [TestCase(SKEncodedOrigin.TopLeft, 3, 2, 0, 0)]
    [TestCase(SKEncodedOrigin.TopRight, 3, 2, 2, 0)]
    [TestCase(SKEncodedOrigin.BottomRight, 3, 2, 2, 1)]
    [TestCase(SKEncodedOrigin.BottomLeft, 3, 2, 0, 1)]
    [TestCase(SKEncodedOrigin.LeftTop, 2, 3, 0, 0)]
    [TestCase(SKEncodedOrigin.RightTop, 2, 3, 1, 0)]
    [TestCase(SKEncodedOrigin.RightBottom, 2, 3, 1, 2)]
    [TestCase(SKEncodedOrigin.LeftBottom, 2, 3, 0, 2)]
    public void Orientation_transform_places_the_stored_corner(SKEncodedOrigin origin, int width, int height, int cornerX, int cornerY)
    {
        using var stored = Solid(3, 2, Blue);
        stored.SetPixel(0, 0, Red);

        var upright = ExifOrientation.Apply(stored, origin);
        try
        {
            Assert.That((upright.Width, upright.Height), Is.EqualTo((width, height)));
            Assert.That(upright.GetPixel(cornerX, cornerY), Is.EqualTo(Red));
            Assert.That(Enumerable.Range(0, width * height).Count(i => upright.GetPixel(i % width, i / width) == Red), Is.EqualTo(1));
        }
        finally
        {
            if (!ReferenceEquals(upright, stored))
            {
                upright.Dispose();
            }
        }
    }

    private static PhotoDecoder Decoder(VisionOptions? options = null) => new(Options.Create(options ?? new VisionOptions()));

    private static SKBitmap Solid(int width, int height, SKColor color)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(color);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format) => bitmap.Encode(format, 95).ToArray();

    private static void AssertMostlyRed(SKColor color) =>
        Assert.That(color.Red, Is.GreaterThan(color.Blue + 100), color.ToString());

    private static void AssertMostlyBlue(SKColor color) =>
        Assert.That(color.Blue, Is.GreaterThan(color.Red + 100), color.ToString());
}

using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using ClosetConnect.Closet.Uploads;
using SkiaSharp;

namespace ClosetConnect.Closet.UnitTests;

public class UploadImageSanitizerTests
{
    [Test]
    public void A_jpeg_is_stored_without_its_exif_and_upright()
    {
        var landscape = Encode(SKEncodedImageFormat.Jpeg, width: 40, height: 20);
        var rotated = ExifJpeg.WithOrientation(landscape, orientation: 6); // "rotate 90° clockwise to view"
        Assert.That(Encoding.ASCII.GetString(rotated), Does.Contain("Exif"));

        var (image, problem) = UploadImageSanitizer.Sanitize(rotated, UploadValidator.Jpeg);

        Assert.That(problem, Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.ASCII.GetString(image!.Content), Does.Not.Contain("Exif"));
            Assert.That((image.Width, image.Height), Is.EqualTo((20, 40)), "the orientation is applied to the pixels");
            Assert.That(image.Format, Is.EqualTo(UploadValidator.Jpeg));
        });
    }

    /// <summary>
    /// Every EXIF orientation puts the photo's stored top-left corner (orange) where the camera meant it; 5 to 8 also
    /// swap width and height. The vision worker relies on this: it analyses stored pixels as they are.
    /// </summary>
    [TestCase(1, 40, 20, Corner.TopLeft)]
    [TestCase(2, 40, 20, Corner.TopRight)]
    [TestCase(3, 40, 20, Corner.BottomRight)]
    [TestCase(4, 40, 20, Corner.BottomLeft)]
    [TestCase(5, 20, 40, Corner.TopLeft)]
    [TestCase(6, 20, 40, Corner.TopRight)]
    [TestCase(7, 20, 40, Corner.BottomRight)]
    [TestCase(8, 20, 40, Corner.BottomLeft)]
    public void Each_exif_orientation_is_applied_to_the_pixels(int orientation, int width, int height, Corner orange)
    {
        var tagged = ExifJpeg.WithOrientation(Encode(SKEncodedImageFormat.Jpeg, width: 40, height: 20), (ushort)orientation);

        var (image, problem) = UploadImageSanitizer.Sanitize(tagged, UploadValidator.Jpeg);

        Assert.That(problem, Is.Null);
        using var stored = SKBitmap.Decode(image!.Content);
        Assert.That((stored.Width, stored.Height), Is.EqualTo((width, height)));
        foreach (var corner in Enum.GetValues<Corner>())
        {
            var (x, y) = Inside(corner, width, height);
            var color = stored.GetPixel(x, y);
            Assert.That(color.Red > color.Blue, Is.EqualTo(corner == orange), $"{corner} is {color}");
        }
    }

    public enum Corner
    {
        TopLeft,
        TopRight,
        BottomRight,
        BottomLeft,
    }

    private static (int X, int Y) Inside(Corner corner, int width, int height) => corner switch
    {
        Corner.TopLeft => (3, 3),
        Corner.TopRight => (width - 4, 3),
        Corner.BottomRight => (width - 4, height - 4),
        _ => (3, height - 4),
    };

    [Test]
    public void Anything_appended_to_an_image_is_dropped()
    {
        var payload = "<?php system($_GET['c']); ?>"u8.ToArray();
        var polyglot = Encode(SKEncodedImageFormat.Png, 16, 16).Concat(payload).ToArray();

        var (image, _) = UploadImageSanitizer.Sanitize(polyglot, UploadValidator.Png);

        Assert.That(Encoding.ASCII.GetString(image!.Content), Does.Not.Contain("<?php"));
    }

    [Test]
    public void A_decompression_bomb_is_refused_before_decoding()
    {
        var bomb = PngHeaderClaiming(width: 30_000, height: 30_000);

        var (image, problem) = UploadImageSanitizer.Sanitize(bomb, UploadValidator.Png);

        Assert.That(image, Is.Null);
        Assert.That(problem, Does.Contain("30000×30000").And.Contain("megapixels"));
    }

    [Test]
    public void Truncated_pixels_are_refused()
    {
        var whole = Encode(SKEncodedImageFormat.Png, 64, 64);
        var (image, problem) = UploadImageSanitizer.Sanitize(whole[..(whole.Length / 2)], UploadValidator.Png);
        Assert.That(image, Is.Null);
        Assert.That(problem, Is.Not.Null);
    }

    [Test]
    public void Large_photos_are_stored_at_most_4096_pixels_wide()
    {
        var (image, _) = UploadImageSanitizer.Sanitize(Encode(SKEncodedImageFormat.Jpeg, 5000, 100), UploadValidator.Jpeg);
        Assert.That(image!.Width, Is.LessThanOrEqualTo(UploadImageSanitizer.MaxStoredSide));
    }

    private static byte[] Encode(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.CornflowerBlue);
            canvas.DrawRect(0, 0, width / 2f, height / 2f, new SKPaint { Color = SKColors.OrangeRed });
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A tiny file whose PNG header promises a huge picture: what a decompression bomb looks like up front.</summary>
    private static byte[] PngHeaderClaiming(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", new byte[64]);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        png.Write(crc);
    }
}

using SkiaSharp;

namespace ClosetConnect.Closet.Uploads;

/// <summary>A photo as it will be stored: re-encoded pixels only, upright, no metadata.</summary>
public sealed record SanitizedImage(byte[] Content, ImageFormat Format, int Width, int Height);

/// <summary>
/// Decodes an accepted upload and encodes it again, so nothing but pixels is stored: EXIF (GPS position, camera
/// serial), comments and anything appended to the file are dropped, and the EXIF orientation is applied to the
/// pixels. Headers that promise more pixels than <see cref="MaxPixels"/> (decompression bombs) are refused before
/// decoding. Large photos are scaled down to <see cref="MaxStoredSide"/>; a GIF is stored as its first frame in PNG.
/// </summary>
public static class UploadImageSanitizer
{
    public const long MaxPixels = 50_000_000;
    public const int MaxSide = 20_000;
    public const int MaxStoredSide = 4096;
    private const int JpegQuality = 90;

    /// <summary>The stored image, or the reason it is refused.</summary>
    public static (SanitizedImage? Image, string? Problem) Sanitize(byte[] upload, ImageFormat format)
    {
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return (null, $"The file looks like {format.ContentType} but cannot be decoded.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return (null, $"The image claims {width}×{height} pixels; at most {MaxSide} px per side and {MaxPixels / 1_000_000} megapixels are accepted.");
        }

        using var decoded = Decode(codec);
        if (decoded is null)
        {
            return (null, "The image data is corrupt or truncated.");
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var stored = FitWithin(upright, MaxStoredSide);
        var target = format == UploadValidator.Gif ? UploadValidator.Png : format;
        using var encoded = stored.Encode(target == UploadValidator.Jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, JpegQuality);
        return (new SanitizedImage(encoded.ToArray(), target, stored.Width, stored.Height), null);
    }

    private static SKBitmap? Decode(SKCodec codec)
    {
        // JPEG decodes natively at 1/2, 1/4, 1/8: large photos never need their full size in memory.
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = codec.GetScaledDimensions(Math.Min(1f, (float)MaxStoredSide / longest));
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = swaps ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        var upright = new SKBitmap(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(OriginMatrix(origin, bitmap.Width, bitmap.Height));
        canvas.DrawBitmap(bitmap, 0, 0);
        return upright;
    }

    // Maps stored pixel coordinates to upright ones, per EXIF orientation.
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static SKBitmap FitWithin(SKBitmap bitmap, int maxSide)
    {
        var longest = Math.Max(bitmap.Width, bitmap.Height);
        if (longest <= maxSide)
        {
            return bitmap.Copy();
        }

        var scale = (double)maxSide / longest;
        var size = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)), bitmap.ColorType, bitmap.AlphaType);
        return bitmap.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }
}

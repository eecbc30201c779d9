using ClosetConnect.Vision.Analysis;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ClosetConnect.Vision.Imaging;

/// <summary>
/// Decodes a stored photo into an opaque RGBA bitmap in sRGB, no larger than
/// <see cref="VisionOptions.MaxWorkingDimension"/> on its long side. Stored photos are upright and carry no metadata:
/// Closet applies the EXIF orientation to the pixels before it stores an upload, so the codec's pixels are the
/// picture. Refuses, with a reason, what it cannot decode and what declares more than
/// <see cref="VisionOptions.MaxInputPixels"/> pixels (checked before any pixel is decoded).
/// </summary>
public sealed class PhotoDecoder(IOptions<VisionOptions> options)
{
    private static readonly SKColorSpace Srgb = SKColorSpace.CreateSrgb();

    /// <summary>The caller owns (and disposes) the returned bitmap: RGBA8888, every alpha 255.</summary>
    public SKBitmap Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new UnreadableImageException("The image is empty (0 bytes).");
        }

        using var data = SKData.CreateCopy(encoded);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream, out var createResult)
            ?? throw new UnreadableImageException(DescribeUnreadable(createResult));

        var declared = codec.Info;
        if (declared.Width <= 0 || declared.Height <= 0)
        {
            throw new UnreadableImageException($"The image declares an empty size ({declared.Width}×{declared.Height}).");
        }

        var settings = options.Value;
        if ((long)declared.Width * declared.Height > settings.MaxInputPixels)
        {
            throw new UnreadableImageException(
                $"The image is {declared.Width}×{declared.Height} pixels; at most {settings.MaxInputPixels:N0} pixels are accepted.");
        }

        var photo = DecodePixels(codec, settings.MaxWorkingDimension);
        if (declared.AlphaType != SKAlphaType.Opaque)
        {
            FlattenOntoWhite(photo);
        }

        return photo;
    }

    private static SKBitmap DecodePixels(SKCodec codec, int maxDimension)
    {
        var declared = codec.Info;
        var longSide = Math.Max(declared.Width, declared.Height);
        var scale = longSide > maxDimension ? (float)maxDimension / longSide : 1f;

        // JPEG can decode at 1/8…8/8 scale for almost nothing; the codec picks the nearest size at least as large.
        var decodeSize = scale < 1f ? codec.GetScaledDimensions(scale) : new SKSizeI(declared.Width, declared.Height);
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul, Srgb);
        var bitmap = new SKBitmap(decodeInfo);
        try
        {
            var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
            if (result != SKCodecResult.Success)
            {
                throw new UnreadableImageException(DescribeUnreadable(result));
            }

            var targetWidth = (int)Math.Min(decodeSize.Width, Math.Round(declared.Width * scale));
            var targetHeight = (int)Math.Min(decodeSize.Height, Math.Round(declared.Height * scale));
            if (targetWidth == decodeSize.Width && targetHeight == decodeSize.Height)
            {
                return bitmap;
            }

            var scaled = new SKBitmap(new SKImageInfo(Math.Max(1, targetWidth), Math.Max(1, targetHeight), SKColorType.Rgba8888, SKAlphaType.Unpremul, Srgb));
            bitmap.ScalePixels(scaled, new SKSamplingOptions(SKCubicResampler.Mitchell));
            bitmap.Dispose();
            return scaled;
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    /// <summary>Transparent areas become white, as if the product were photographed on a plain white background.</summary>
    private static void FlattenOntoWhite(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        var (width, height, rowBytes) = (bitmap.Width, bitmap.Height, bitmap.RowBytes);
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * rowBytes, width * 4);
            for (var i = 0; i < row.Length; i += 4)
            {
                int alpha = row[i + 3];
                if (alpha == 255)
                {
                    continue;
                }

                var background = 255 * (255 - alpha);
                row[i] = (byte)((row[i] * alpha + background + 127) / 255);
                row[i + 1] = (byte)((row[i + 1] * alpha + background + 127) / 255);
                row[i + 2] = (byte)((row[i + 2] * alpha + background + 127) / 255);
                row[i + 3] = 255;
            }
        }
    }

    private static string DescribeUnreadable(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "The image data is truncated: the file ends before the picture does.",
        SKCodecResult.ErrorInInput => "The image data is corrupt.",
        SKCodecResult.InvalidInput or SKCodecResult.Unimplemented =>
            "The file is not an image this service can read (JPEG, PNG, GIF, WebP or BMP).",
        SKCodecResult.InvalidConversion or SKCodecResult.InvalidScale =>
            "The image uses a pixel format this service cannot convert.",
        _ => $"The image could not be decoded ({result}).",
    };
}

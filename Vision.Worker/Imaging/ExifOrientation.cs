using System.Runtime.InteropServices;
using SkiaSharp;

namespace ClosetConnect.Vision.Imaging;

/// <summary>
/// Turns a bitmap as stored into the picture as the camera meant it (EXIF orientation). A pure pixel
/// permutation: no resampling, so labels computed later line up with the photo people see.
/// </summary>
public static class ExifOrientation
{
    public static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>
    /// Returns the upright bitmap: <paramref name="stored"/> itself for <see cref="SKEncodedOrigin.TopLeft"/>,
    /// otherwise a new bitmap (the caller still owns and disposes <paramref name="stored"/>).
    /// </summary>
    public static SKBitmap Apply(SKBitmap stored, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return stored;
        }

        if (stored.BytesPerPixel != 4)
        {
            throw new ArgumentException("Only 32-bit bitmaps can be oriented.", nameof(stored));
        }

        var width = stored.Width;
        var height = stored.Height;
        var (uprightWidth, uprightHeight) = SwapsAxes(origin) ? (height, width) : (width, height);
        var upright = new SKBitmap(new SKImageInfo(uprightWidth, uprightHeight, stored.ColorType, stored.AlphaType, stored.ColorSpace));

        var source = MemoryMarshal.Cast<byte, uint>(stored.GetPixelSpan());
        var target = MemoryMarshal.Cast<byte, uint>(upright.GetPixelSpan());
        var sourceStride = stored.RowBytes / 4;
        var targetStride = upright.RowBytes / 4;

        for (var y = 0; y < height; y++)
        {
            var row = source.Slice(y * sourceStride, width);
            for (var x = 0; x < width; x++)
            {
                // Where stored pixel (x, y) lands in the upright picture.
                var (tx, ty) = origin switch
                {
                    SKEncodedOrigin.TopRight => (width - 1 - x, y),
                    SKEncodedOrigin.BottomRight => (width - 1 - x, height - 1 - y),
                    SKEncodedOrigin.BottomLeft => (x, height - 1 - y),
                    SKEncodedOrigin.LeftTop => (y, x),
                    SKEncodedOrigin.RightTop => (height - 1 - y, x),
                    SKEncodedOrigin.RightBottom => (height - 1 - y, width - 1 - x),
                    SKEncodedOrigin.LeftBottom => (y, width - 1 - x),
                    _ => (x, y),
                };
                target[ty * targetStride + tx] = row[x];
            }
        }

        return upright;
    }
}

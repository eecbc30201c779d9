using System.Buffers;
using System.Numerics.Tensors;
using ClosetConnect.Vision.Imaging;
using SkiaSharp;

namespace ClosetConnect.Vision.Inference;

/// <summary>
/// Pre-processing exactly per the model contract: RGB, bilinear resize to 512×512, ×1/255, ImageNet mean/std,
/// NCHW float32, written straight into the caller's tensor slot.
/// </summary>
public static class ModelInputWriter
{
    private const int Size = ModelContract.InputSize;

    /// <summary>(v/255 − mean[c]) / std[c] for every byte value v, per channel: the whole normalisation as one lookup.</summary>
    private static readonly float[] NormalizedByteLookup = BuildLookup();

    public static void Write(SKBitmap photo, Span<float> tensor)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (photo.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException("The photo must be RGBA8888.", nameof(photo));
        }

        if (tensor.Length < ModelContract.InputLength)
        {
            throw new ArgumentException($"The tensor slot holds {tensor.Length} floats; {ModelContract.InputLength} are needed.", nameof(tensor));
        }

        if (photo.Width == Size && photo.Height == Size)
        {
            WriteUnscaled(photo, tensor);
        }
        else
        {
            WriteResampled(photo, tensor);
        }
    }

    private static void WriteUnscaled(SKBitmap photo, Span<float> tensor)
    {
        var pixels = photo.GetPixelSpan();
        var rowBytes = photo.RowBytes;
        var lookup = NormalizedByteLookup.AsSpan();
        var red = tensor[..ModelContract.PlaneLength];
        var green = tensor.Slice(ModelContract.PlaneLength, ModelContract.PlaneLength);
        var blue = tensor.Slice(2 * ModelContract.PlaneLength, ModelContract.PlaneLength);

        for (var y = 0; y < Size; y++)
        {
            var row = pixels.Slice(y * rowBytes, Size * 4);
            var offset = y * Size;
            for (var x = 0; x < Size; x++)
            {
                var p = x * 4;
                red[offset + x] = lookup[row[p]];
                green[offset + x] = lookup[256 + row[p + 1]];
                blue[offset + x] = lookup[512 + row[p + 2]];
            }
        }
    }

    /// <summary>Separable resize: rows first into planar floats (0–255), then columns with the normalisation folded in.</summary>
    private static void WriteResampled(SKBitmap photo, Span<float> tensor)
    {
        var width = photo.Width;
        var height = photo.Height;
        var rowBytes = photo.RowBytes;
        var horizontal = ResampleWeights.Bilinear(width, Size);
        var vertical = ResampleWeights.Bilinear(height, Size);

        var planeLength = height * Size;
        var rented = ArrayPool<float>.Shared.Rent(3 * planeLength);
        try
        {
            var rows = rented.AsSpan(0, 3 * planeLength);
            var pixels = photo.GetPixelSpan();
            for (var y = 0; y < height; y++)
            {
                var source = pixels.Slice(y * rowBytes, width * 4);
                var offset = y * Size;
                for (var x = 0; x < Size; x++)
                {
                    var weights = horizontal.For(x);
                    var p = horizontal.First[x] * 4;
                    float r = 0, g = 0, b = 0;
                    for (var tap = 0; tap < weights.Length; tap++, p += 4)
                    {
                        var w = weights[tap];
                        r += w * source[p];
                        g += w * source[p + 1];
                        b += w * source[p + 2];
                    }

                    rows[offset + x] = r;
                    rows[planeLength + offset + x] = g;
                    rows[2 * planeLength + offset + x] = b;
                }
            }

            for (var channel = 0; channel < ModelContract.Channels; channel++)
            {
                var scale = 1f / (255f * ModelContract.Std[channel]);
                var bias = -ModelContract.Mean[channel] / ModelContract.Std[channel];
                var plane = rows.Slice(channel * planeLength, planeLength);
                var target = tensor.Slice(channel * ModelContract.PlaneLength, ModelContract.PlaneLength);
                for (var y = 0; y < Size; y++)
                {
                    var output = target.Slice(y * Size, Size);
                    output.Fill(bias);
                    var weights = vertical.For(y);
                    var first = vertical.First[y];
                    for (var tap = 0; tap < weights.Length; tap++)
                    {
                        // The weights sum to 1, so scaling each tap by the normalisation scale normalises the sum.
                        TensorPrimitives.MultiplyAdd(plane.Slice((first + tap) * Size, Size), weights[tap] * scale, output, output);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    private static float[] BuildLookup()
    {
        var lookup = new float[3 * 256];
        for (var channel = 0; channel < 3; channel++)
        {
            for (var value = 0; value < 256; value++)
            {
                lookup[channel * 256 + value] = (float)((value / 255.0 - ModelContract.Mean[channel]) / ModelContract.Std[channel]);
            }
        }

        return lookup;
    }
}

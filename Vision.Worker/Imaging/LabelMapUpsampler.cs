using System.Buffers;
using System.Numerics;
using ClosetConnect.Vision.Inference;

namespace ClosetConnect.Vision.Imaging;

/// <summary>
/// Turns logits [C,h,w] into a class index per photo pixel: bilinear upsampling to the photo's size as PyTorch's
/// <c>interpolate(mode="bilinear", align_corners=False)</c> does it, then argmax (first maximum wins, as torch).
/// </summary>
/// <remarks>
/// Interpolation is a convex combination, so where the four source cells around a pixel share one argmax that
/// class also wins the interpolated logits. Only pixels near a class boundary need all C interpolations; the
/// rest take the low-resolution argmax. The result is exactly that of upsampling every class.
/// </remarks>
public static class LabelMapUpsampler
{
    /// <param name="labels">Receives width×height class indices, row by row.</param>
    /// <param name="pixelsPerClass">Receives how many pixels got each class (length ≥ C).</param>
    public static void Upsample(ReadOnlySpan<float> logits, LogitsShape shape, int width, int height, Span<byte> labels, Span<int> pixelsPerClass)
    {
        if (logits.Length < shape.Length)
        {
            throw new ArgumentException("The logits are shorter than their shape.", nameof(logits));
        }

        if (labels.Length < width * height)
        {
            throw new ArgumentException("The label map is smaller than the photo.", nameof(labels));
        }

        if (pixelsPerClass.Length < shape.Classes || shape.Classes > byte.MaxValue)
        {
            throw new ArgumentException("One counter per class is needed.", nameof(pixelsPerClass));
        }

        pixelsPerClass.Clear();
        var cellCount = shape.PlaneLength;
        var rentedArgmax = ArrayPool<byte>.Shared.Rent(cellCount);
        var rentedColumns = ArrayPool<int>.Shared.Rent(2 * width);
        var rentedColumnWeights = ArrayPool<float>.Shared.Rent(width);
        try
        {
            var cellArgmax = rentedArgmax.AsSpan(0, cellCount);
            ArgmaxPerCell(logits, shape, cellArgmax);

            var column0 = rentedColumns.AsSpan(0, width);
            var column1 = rentedColumns.AsSpan(width, width);
            var columnWeight1 = rentedColumnWeights.AsSpan(0, width);
            for (var x = 0; x < width; x++)
            {
                (column0[x], column1[x], columnWeight1[x]) = SourceIndex(x, shape.Width, width);
            }

            for (var y = 0; y < height; y++)
            {
                var (row0, row1, rowWeight1) = SourceIndex(y, shape.Height, height);
                var rowWeight0 = 1f - rowWeight1;
                var top = cellArgmax.Slice(row0 * shape.Width, shape.Width);
                var bottom = cellArgmax.Slice(row1 * shape.Width, shape.Width);
                var output = labels.Slice(y * width, width);

                for (var x = 0; x < width; x++)
                {
                    int x0 = column0[x], x1 = column1[x];
                    var label = top[x0];
                    if (label != top[x1] || label != bottom[x0] || label != bottom[x1])
                    {
                        label = ArgmaxInterpolated(logits, shape, row0 * shape.Width, row1 * shape.Width, x0, x1, rowWeight0, rowWeight1, 1f - columnWeight1[x], columnWeight1[x]);
                    }

                    output[x] = label;
                    pixelsPerClass[label]++;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rentedArgmax);
            ArrayPool<int>.Shared.Return(rentedColumns);
            ArrayPool<float>.Shared.Return(rentedColumnWeights);
        }
    }

    /// <summary>PyTorch's source index for align_corners=False: (i + 0.5)·in/out − 0.5, clamped at 0.</summary>
    internal static (int Index0, int Index1, float Weight1) SourceIndex(int output, int inputSize, int outputSize)
    {
        var scale = (float)inputSize / outputSize;
        var source = Math.Max(scale * (output + 0.5f) - 0.5f, 0f);
        var index0 = Math.Min((int)source, inputSize - 1);
        var index1 = index0 < inputSize - 1 ? index0 + 1 : index0;
        return (index0, index1, source - index0);
    }

    private static byte ArgmaxInterpolated(
        ReadOnlySpan<float> logits, LogitsShape shape, int rowStart0, int rowStart1, int x0, int x1, float h0, float h1, float w0, float w1)
    {
        var best = float.NegativeInfinity;
        byte bestClass = 0;
        for (var c = 0; c < shape.Classes; c++)
        {
            var plane = logits.Slice(c * shape.PlaneLength, shape.PlaneLength);
            var value = h0 * (w0 * plane[rowStart0 + x0] + w1 * plane[rowStart0 + x1])
                + h1 * (w0 * plane[rowStart1 + x0] + w1 * plane[rowStart1 + x1]);
            if (value > best)
            {
                best = value;
                bestClass = (byte)c;
            }
        }

        return bestClass;
    }

    /// <summary>Argmax over classes for every low-resolution cell, a vector of cells at a time.</summary>
    private static void ArgmaxPerCell(ReadOnlySpan<float> logits, LogitsShape shape, Span<byte> cellArgmax)
    {
        var cellCount = shape.PlaneLength;
        var lanes = Vector<float>.Count;
        var cell = 0;
        for (; cell <= cellCount - lanes; cell += lanes)
        {
            var best = new Vector<float>(logits.Slice(cell, lanes));
            var bestClass = Vector<float>.Zero;
            for (var c = 1; c < shape.Classes; c++)
            {
                var value = new Vector<float>(logits.Slice(c * cellCount + cell, lanes));
                var greater = Vector.GreaterThan(value, best);
                best = Vector.Max(value, best);
                bestClass = Vector.ConditionalSelect(greater, new Vector<float>(c), bestClass);
            }

            for (var lane = 0; lane < lanes; lane++)
            {
                cellArgmax[cell + lane] = (byte)bestClass[lane];
            }
        }

        for (; cell < cellCount; cell++)
        {
            var best = logits[cell];
            byte bestClass = 0;
            for (var c = 1; c < shape.Classes; c++)
            {
                var value = logits[c * cellCount + cell];
                if (value > best)
                {
                    best = value;
                    bestClass = (byte)c;
                }
            }

            cellArgmax[cell] = bestClass;
        }
    }
}

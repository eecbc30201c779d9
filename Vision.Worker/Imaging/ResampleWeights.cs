namespace ClosetConnect.Vision.Imaging;

/// <summary>
/// Per-output-pixel weights of a "bilinear" resize done the way PIL (and so the Hugging Face Segformer processor
/// the model was trained with) does it: a triangle filter with half-pixel centres that widens when shrinking,
/// so large photos are averaged rather than aliased. At equal sizes it is exactly the identity.
/// </summary>
internal sealed class ResampleWeights
{
    private ResampleWeights(int[] first, int[] count, float[] weights, int stride)
    {
        First = first;
        Count = count;
        Weights = weights;
        Stride = stride;
    }

    /// <summary>First source index contributing to each output index.</summary>
    public int[] First { get; }

    /// <summary>How many consecutive source indices contribute to each output index.</summary>
    public int[] Count { get; }

    /// <summary>Weights, <see cref="Stride"/> per output index; each output's weights sum to 1.</summary>
    public float[] Weights { get; }

    public int Stride { get; }

    public ReadOnlySpan<float> For(int output) => Weights.AsSpan(output * Stride, Count[output]);

    public static ResampleWeights Bilinear(int inputSize, int outputSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);

        var scale = (double)inputSize / outputSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = filterScale; // the triangle's support is 1 source pixel, widened by the shrink factor
        var stride = (int)Math.Ceiling(support) * 2 + 1;

        var first = new int[outputSize];
        var count = new int[outputSize];
        var weights = new float[outputSize * stride];
        Span<double> raw = stackalloc double[stride];

        for (var output = 0; output < outputSize; output++)
        {
            var center = (output + 0.5) * scale;
            var min = Math.Max(0, (int)(center - support + 0.5));
            var max = Math.Min(inputSize, (int)(center + support + 0.5));
            var taps = Math.Min(max - min, stride);

            var total = 0.0;
            for (var tap = 0; tap < taps; tap++)
            {
                var distance = Math.Abs((tap + min - center + 0.5) / filterScale);
                raw[tap] = distance < 1.0 ? 1.0 - distance : 0.0;
                total += raw[tap];
            }

            first[output] = min;
            count[output] = taps;
            for (var tap = 0; tap < taps; tap++)
            {
                weights[output * stride + tap] = total > 0 ? (float)(raw[tap] / total) : 0f;
            }
        }

        return new ResampleWeights(first, count, weights, stride);
    }
}

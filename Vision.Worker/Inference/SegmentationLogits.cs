using System.Buffers;

namespace ClosetConnect.Vision.Inference;

/// <summary>One photo's logits, copied out of its batch into a pooled array so the batch can be released at once.</summary>
public sealed class SegmentationLogits : IDisposable
{
    private float[]? _array;

    private SegmentationLogits(LogitsShape shape, float[] array)
    {
        Shape = shape;
        _array = array;
    }

    public LogitsShape Shape { get; }

    public ReadOnlySpan<float> Values => Array.AsSpan(0, Shape.Length);

    private float[] Array => _array ?? throw new ObjectDisposedException(nameof(SegmentationLogits));

    public static SegmentationLogits CopyOf(ReadOnlySpan<float> values, LogitsShape shape)
    {
        if (values.Length != shape.Length)
        {
            throw new ArgumentException($"{values.Length} logits do not fit the shape {shape}.", nameof(values));
        }

        var array = ArrayPool<float>.Shared.Rent(shape.Length);
        values.CopyTo(array);
        return new SegmentationLogits(shape, array);
    }

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            ArrayPool<float>.Shared.Return(array);
        }
    }
}

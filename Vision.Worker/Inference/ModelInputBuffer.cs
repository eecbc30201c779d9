using System.Buffers;

namespace ClosetConnect.Vision.Inference;

/// <summary>
/// One photo's slot of model input ([3,512,512] float32, NCHW), rented from the shared pool so steady-state
/// analysis allocates no tensor memory. Whoever holds it last returns it by disposing.
/// </summary>
public sealed class ModelInputBuffer : IDisposable
{
    private float[]? _array;

    private ModelInputBuffer(float[] array) => _array = array;

    public static ModelInputBuffer Rent() => new(ArrayPool<float>.Shared.Rent(ModelContract.InputLength));

    public Span<float> Pixels => Array.AsSpan(0, ModelContract.InputLength);

    public Memory<float> Memory => Array.AsMemory(0, ModelContract.InputLength);

    private float[] Array => _array ?? throw new ObjectDisposedException(nameof(ModelInputBuffer));

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            ArrayPool<float>.Shared.Return(array);
        }
    }
}

namespace ClosetConnect.Vision.Inference;

/// <summary>Runs the segmentation model on a batch; the seam between the batcher and ONNX Runtime (faked in tests).</summary>
public interface ISegmentationInference
{
    /// <summary>
    /// Runs the model once on <paramref name="batchSize"/> photos laid out one after another in
    /// <paramref name="pixelValues"/> (<see cref="ModelContract.InputLength"/> floats each).
    /// </summary>
    /// <exception cref="ModelUnavailableException">The model is not loaded.</exception>
    ILogitsBatch Run(Memory<float> pixelValues, int batchSize);
}

/// <summary>The model's output for one batch; valid until disposed.</summary>
public interface ILogitsBatch : IDisposable
{
    LogitsShape Shape { get; }

    ReadOnlySpan<float> ForImage(int index);
}

namespace ClosetConnect.Vision.Inference;

/// <summary>One photo's share of a batched model run; dispose to return its logits to the pool.</summary>
public sealed class BatchedInference(SegmentationLogits logits, int batchSize, TimeSpan queueWait, TimeSpan inference) : IDisposable
{
    public SegmentationLogits Logits { get; } = logits;

    public int BatchSize { get; } = batchSize;

    public TimeSpan QueueWait { get; } = queueWait;

    public TimeSpan Inference { get; } = inference;

    public void Dispose() => Logits.Dispose();
}

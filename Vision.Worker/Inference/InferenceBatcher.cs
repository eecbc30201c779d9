using System.Diagnostics.Metrics;
using System.Threading.Channels;
using ClosetConnect.ServiceDefaults;
using ClosetConnect.Vision.Analysis;
using Microsoft.Extensions.Options;

namespace ClosetConnect.Vision.Inference;

/// <summary>
/// Groups concurrent photos into one model call: a batch starts when <see cref="VisionOptions.MaxBatch"/> photos are
/// waiting, or when the oldest has waited <see cref="VisionOptions.MaxBatchDelayMs"/>, whichever comes first. Photos
/// that queue while a batch runs go together in the next one, so throughput grows with load while a lone photo
/// waits at most the delay. One model call runs at a time: the model itself uses every core (or the GPU).
/// </summary>
public sealed class InferenceBatcher : IAsyncDisposable, IDisposable
{
    private static readonly Histogram<int> BatchSizes =
        Instrumentation.Meter.CreateHistogram<int>("closetconnect.vision.batch.size", "{photo}", "Photos per model call.");

    private static readonly Histogram<double> InferenceDurations =
        Instrumentation.Meter.CreateHistogram<double>("closetconnect.vision.inference.duration", "s", "Duration of one model call.");

    private readonly ISegmentationInference _inference;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<InferenceBatcher> _logger;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxDelay;
    private readonly Channel<PendingPhoto> _queue = Channel.CreateUnbounded<PendingPhoto>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<float[]> _batchTensor;
    private readonly Task _loop;
    private long _batches;
    private long _photos;

    public InferenceBatcher(ISegmentationInference inference, IOptions<VisionOptions> options, TimeProvider timeProvider, ILogger<InferenceBatcher> logger)
    {
        _inference = inference;
        _timeProvider = timeProvider;
        _logger = logger;
        _maxBatch = options.Value.MaxBatch;
        _maxDelay = TimeSpan.FromMilliseconds(options.Value.MaxBatchDelayMs);
        // Reused for every batch of two or more; a lone photo runs straight from its own buffer.
        _batchTensor = new Lazy<float[]>(() => new float[_maxBatch * ModelContract.InputLength]);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Model calls made so far.</summary>
    public long BatchCount => Interlocked.Read(ref _batches);

    /// <summary>Photos run so far.</summary>
    public long PhotoCount => Interlocked.Read(ref _photos);

    /// <summary>
    /// Queues one pre-processed photo and returns its logits once its batch has run. Takes ownership of
    /// <paramref name="input"/> (the model may still read it after the caller stops waiting).
    /// </summary>
    public Task<BatchedInference> InferAsync(ModelInputBuffer input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pending = new PendingPhoto(input, _timeProvider.GetTimestamp(), cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            input.Dispose();
            throw new ObjectDisposedException(nameof(InferenceBatcher));
        }

        return pending.Completion.Task;
    }

    /// <summary>Photos still queued fail with <see cref="ObjectDisposedException"/>: their messages go back to the queue.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        while (_queue.Reader.TryRead(out var pending))
        {
            pending.Fail(new ObjectDisposedException(nameof(InferenceBatcher)));
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        var batch = new List<PendingPhoto>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync(stopping))
        {
            TakeReady(batch);
            if (batch.Count == 0)
            {
                continue;
            }

            await WaitForCompanionsAsync(batch, stopping);
            RunBatch(batch);
            batch.Clear();
        }
    }

    /// <summary>Waits, until the oldest photo's delay is up, for more photos to fill the batch.</summary>
    private async Task WaitForCompanionsAsync(List<PendingPhoto> batch, CancellationToken stopping)
    {
        while (batch.Count < _maxBatch)
        {
            var remaining = _maxDelay - _timeProvider.GetElapsedTime(batch[0].QueuedAt);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var timeout = new CancellationTokenSource(remaining, _timeProvider);
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(waiting.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                return;
            }

            TakeReady(batch);
        }
    }

    private void TakeReady(List<PendingPhoto> batch)
    {
        while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
        {
            if (pending.IsAbandoned)
            {
                pending.Release();
                continue;
            }

            batch.Add(pending);
        }
    }

    private void RunBatch(List<PendingPhoto> batch)
    {
        // A photo whose caller gave up while it waited for companions is not worth running.
        batch.RemoveAll(static pending =>
        {
            if (!pending.IsAbandoned)
            {
                return false;
            }

            pending.Release();
            return true;
        });
        if (batch.Count == 0)
        {
            return;
        }

        var count = batch.Count;
        Memory<float> input;
        if (count == 1)
        {
            input = batch[0].Input.Memory;
        }
        else
        {
            var tensor = _batchTensor.Value;
            for (var i = 0; i < count; i++)
            {
                batch[i].Input.Pixels.CopyTo(tensor.AsSpan(i * ModelContract.InputLength, ModelContract.InputLength));
            }

            input = tensor.AsMemory(0, count * ModelContract.InputLength);
        }

        var started = _timeProvider.GetTimestamp();
        try
        {
            using var logits = _inference.Run(input, count);
            var inference = _timeProvider.GetElapsedTime(started);
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _photos, count);
            BatchSizes.Record(count);
            InferenceDurations.Record(inference.TotalSeconds);

            for (var i = 0; i < count; i++)
            {
                var pending = batch[i];
                var result = new BatchedInference(
                    SegmentationLogits.CopyOf(logits.ForImage(i), logits.Shape), count, _timeProvider.GetElapsedTime(pending.QueuedAt, started), inference);
                pending.Complete(result);
            }
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A model call for {Count} photos failed", count);
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }
        }
    }

    /// <summary>A photo in the queue; owns its input buffer until the batch it runs in is done.</summary>
    private sealed class PendingPhoto
    {
        private readonly CancellationTokenRegistration _cancellation;

        public PendingPhoto(ModelInputBuffer input, long queuedAt, CancellationToken cancellationToken)
        {
            Input = input;
            QueuedAt = queuedAt;
            // Continuations (post-processing) must not run on the batcher's loop.
            Completion = new TaskCompletionSource<BatchedInference>(TaskCreationOptions.RunContinuationsAsynchronously);
            _cancellation = cancellationToken.Register(static state =>
            {
                var (completion, token) = ((TaskCompletionSource<BatchedInference>, CancellationToken))state!;
                completion.TrySetCanceled(token);
            }, (Completion, cancellationToken));
        }

        public ModelInputBuffer Input { get; }

        public long QueuedAt { get; }

        public TaskCompletionSource<BatchedInference> Completion { get; }

        public bool IsAbandoned => Completion.Task.IsCompleted;

        public void Complete(BatchedInference result)
        {
            if (!Completion.TrySetResult(result))
            {
                result.Dispose();
            }

            Release();
        }

        public void Fail(Exception exception)
        {
            Completion.TrySetException(exception);
            Release();
        }

        public void Release()
        {
            _cancellation.Dispose();
            Input.Dispose();
        }
    }
}

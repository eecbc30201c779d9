using System.Collections.Concurrent;
using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Inference;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClosetConnect.Vision.UnitTests;

/// <summary>The batcher against a fake model: which photos share a call, and how long a lone photo may wait (in fake time).</summary>
public sealed class InferenceBatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Concurrent_photos_are_served_in_fewer_model_calls_than_photos()
    {
        var model = new RecordingModel { HoldFirstCall = true };
        await using var batcher = CreateBatcher(model, maxBatch: 8, maxBatchDelayMs: 50, TimeProvider.System);

        // The first photo's call is held while 15 more queue, as photos do while the model is busy.
        var first = batcher.InferAsync(Input(0), CancellationToken.None);
        await model.FirstCallStarted.WaitAsync(Patience);
        var rest = Enumerable.Range(1, 15).Select(marker => batcher.InferAsync(Input(marker), CancellationToken.None)).ToList();
        model.ReleaseFirstCall();
        var results = await Task.WhenAll([first, .. rest]).WaitAsync(Patience);

        Assert.That(model.BatchSizes, Is.EqualTo(new[] { 1, 8, 7 }));
        Assert.That(batcher.BatchCount, Is.EqualTo(3));
        for (var marker = 0; marker < results.Length; marker++)
        {
            // The fake model echoes each photo's first input value: every photo gets its own logits back.
            Assert.That(results[marker].Logits.Values[0], Is.EqualTo(marker));
            results[marker].Dispose();
        }
    }

    [Test]
    public async Task Lone_photo_waits_for_companions_at_most_the_batch_delay()
    {
        var time = new TimerWatchingTimeProvider();
        var model = new RecordingModel();
        await using var batcher = CreateBatcher(model, maxBatch: 8, maxBatchDelayMs: 40, time);

        var lone = batcher.InferAsync(Input(1), CancellationToken.None);
        // Positive evidence first: the batcher has taken the photo and armed its delay, so "not run yet" is not vacuous.
        await time.TimerCreated.WaitAsync(Patience);
        Assert.That(model.BatchSizes, Is.Empty, "it waits for companions while its delay lasts");

        time.Advance(TimeSpan.FromMilliseconds(40));
        using var result = await lone.WaitAsync(Patience);

        Assert.That(model.BatchSizes, Is.EqualTo(new[] { 1 }));
        Assert.That(result.BatchSize, Is.EqualTo(1));
        Assert.That(result.QueueWait, Is.EqualTo(TimeSpan.FromMilliseconds(40)));
    }

    [Test]
    public async Task Full_batch_starts_at_once_without_waiting_for_the_delay()
    {
        var time = new FakeTimeProvider();
        var model = new RecordingModel();
        await using var batcher = CreateBatcher(model, maxBatch: 4, maxBatchDelayMs: 1000, time);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(marker => batcher.InferAsync(Input(marker), CancellationToken.None)))
            .WaitAsync(Patience);

        Assert.That(model.BatchSizes, Is.EqualTo(new[] { 4 }));
        Assert.That(results.Select(result => result.QueueWait), Is.All.EqualTo(TimeSpan.Zero), "fake time never moved");
        foreach (var result in results)
        {
            result.Dispose();
        }
    }

    [Test]
    public async Task Zero_delay_runs_a_lone_photo_at_once()
    {
        var model = new RecordingModel();
        await using var batcher = CreateBatcher(model, maxBatch: 8, maxBatchDelayMs: 0, new FakeTimeProvider());

        using var result = await batcher.InferAsync(Input(3), CancellationToken.None).WaitAsync(Patience);

        Assert.That(result.BatchSize, Is.EqualTo(1));
    }

    [Test]
    public async Task Photo_cancelled_while_waiting_is_not_run()
    {
        var time = new FakeTimeProvider();
        var model = new RecordingModel();
        await using var batcher = CreateBatcher(model, maxBatch: 8, maxBatchDelayMs: 40, time);
        using var cancellation = new CancellationTokenSource();

        var cancelled = batcher.InferAsync(Input(1), cancellation.Token);
        await cancellation.CancelAsync();
        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());

        var next = batcher.InferAsync(Input(2), CancellationToken.None);
        await Eventually.UntilAsync("the next photo served once its batch delay has passed", () =>
        {
            time.Advance(TimeSpan.FromMilliseconds(40));
            return Task.FromResult(next.Status);
        }, status => status is TaskStatus.RanToCompletion or TaskStatus.Faulted or TaskStatus.Canceled, CancellationToken.None, Patience);

        using var result = await next;
        Assert.That(model.BatchSizes, Is.EqualTo(new[] { 1 }), "the cancelled photo never reached the model");
        Assert.That(result.Logits.Values[0], Is.EqualTo(2));
    }

    [Test]
    public async Task Model_failure_fails_every_photo_of_the_batch()
    {
        var model = new RecordingModel { Failure = new ModelUnavailableException("model gone") };
        await using var batcher = CreateBatcher(model, maxBatch: 8, maxBatchDelayMs: 0, TimeProvider.System);

        var photo = batcher.InferAsync(Input(1), CancellationToken.None);

        Assert.That(async () => await photo.WaitAsync(Patience), Throws.TypeOf<ModelUnavailableException>().With.Message.EqualTo("model gone"));
    }

    private static InferenceBatcher CreateBatcher(ISegmentationInference model, int maxBatch, int maxBatchDelayMs, TimeProvider time) =>
        new(model, Options.Create(new VisionOptions { MaxBatch = maxBatch, MaxBatchDelayMs = maxBatchDelayMs }), time, NullLogger<InferenceBatcher>.Instance);

    private static ModelInputBuffer Input(float marker)
    {
        var input = ModelInputBuffer.Rent();
        input.Pixels[0] = marker;
        return input;
    }

    /// <summary>Fake time that signals when the batcher arms a timer (its wait for companions).</summary>
    private sealed class TimerWatchingTimeProvider : FakeTimeProvider
    {
        private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _timerCreated.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timerCreated.TrySetResult();
            return timer;
        }
    }

    /// <summary>A stand-in model that records batch sizes and echoes each photo's first input value as its first logit.</summary>
    private sealed class RecordingModel : ISegmentationInference
    {
        private static readonly LogitsShape Shape = new(ModelContract.ClassCount, 2, 2);
        private readonly ConcurrentQueue<int> _batchSizes = new();
        private readonly SemaphoreSlim _firstCallGate = new(0);
        private readonly TaskCompletionSource _firstCallStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public bool HoldFirstCall { get; init; }

        public Exception? Failure { get; init; }

        public IReadOnlyList<int> BatchSizes => [.. _batchSizes];

        public Task FirstCallStarted => _firstCallStarted.Task;

        public void ReleaseFirstCall() => _firstCallGate.Release();

        public ILogitsBatch Run(Memory<float> pixelValues, int batchSize)
        {
            _batchSizes.Enqueue(batchSize);
            if (Interlocked.Increment(ref _calls) == 1 && HoldFirstCall)
            {
                _firstCallStarted.SetResult();
                _firstCallGate.Wait(Patience);
            }

            if (Failure is not null)
            {
                throw Failure;
            }

            var logits = new float[batchSize * Shape.Length];
            for (var i = 0; i < batchSize; i++)
            {
                logits[i * Shape.Length] = pixelValues.Span[i * ModelContract.InputLength];
            }

            return new ArrayLogits(logits);
        }

        private sealed class ArrayLogits(float[] logits) : ILogitsBatch
        {
            public LogitsShape Shape => RecordingModel.Shape;

            public ReadOnlySpan<float> ForImage(int index) => logits.AsSpan(index * Shape.Length, Shape.Length);

            public void Dispose()
            {
            }
        }
    }
}

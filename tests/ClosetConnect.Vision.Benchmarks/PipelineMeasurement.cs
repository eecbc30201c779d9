using System.Diagnostics;
using ClosetConnect.Vision.Analysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.Vision.Benchmarks;

/// <summary>What one batch size measured: the whole pipeline under load, and bare inference of the same model.</summary>
internal sealed record PipelineMeasurement(
    int BatchSize,
    string ExecutionProvider,
    int Photos,
    double PipelineImagesPerSecond,
    double MeanBatchSize,
    double BareImagesPerSecond,
    double BareMillisecondsPerBatch,
    IReadOnlyDictionary<string, StageStatistics> Stages)
{
    /// <summary>How much longer a photo takes through the pipeline than through bare inference.</summary>
    public double OverheadPercent => (BareImagesPerSecond / PipelineImagesPerSecond - 1) * 100;

    /// <summary>
    /// Keeps <paramref name="batchSize"/> × <see cref="BenchmarkSettings.InFlightPerBatch"/> photos in flight for the duration (as a busy queue with that prefetch would),
    /// each analysed and its two PNGs written to a temp folder like blobs; then times bare inference on the same session.
    /// </summary>
    public static async Task<PipelineMeasurement> RunAsync(IHost host, IReadOnlyList<byte[]> photos, int batchSize, BenchmarkSettings settings)
    {
        var model = host.Services.GetRequiredService<SegmentationModel>();
        var analyzer = host.Services.GetRequiredService<IGarmentAnalyzer>();
        var batcher = host.Services.GetRequiredService<InferenceBatcher>();
        var output = Directory.CreateTempSubdirectory("vision-bench-").FullName;
        string[] names = ["decode", "preprocess", "queue wait", "inference (batch)", "postprocess", "png encode", "blob write", "end to end"];
        var stages = names.ToDictionary(name => name, _ => new StageStatistics());

        try
        {
            // Warm-up: JIT, ORT arenas, thread pool.
            await Task.WhenAll(Enumerable.Range(0, batchSize).Select(i => analyzer.AnalyzeAsync(photos[i % photos.Count], CancellationToken.None)));

            var batchesBefore = batcher.BatchCount;
            var photosBefore = batcher.PhotoCount;
            var next = -1;
            var clock = Stopwatch.StartNew();
            var inFlight = batchSize * settings.InFlightPerBatch;
            var minimumPhotos = Math.Max(2 * inFlight, photos.Count);

            async Task WorkerAsync()
            {
                while (true)
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= minimumPhotos && clock.Elapsed >= settings.Duration)
                    {
                        return;
                    }

                    var started = Stopwatch.GetTimestamp();
                    var analysis = await analyzer.AnalyzeAsync(photos[index % photos.Count], CancellationToken.None);
                    var written = Stopwatch.GetTimestamp();
                    await File.WriteAllBytesAsync(Path.Combine(output, $"{index}-mask.png"), analysis.MaskPng);
                    await File.WriteAllBytesAsync(Path.Combine(output, $"{index}-cutout.png"), analysis.CutoutPng);
                    stages["blob write"].Add(Stopwatch.GetElapsedTime(written));
                    stages["end to end"].Add(Stopwatch.GetElapsedTime(started));
                    Record(stages, analysis.Timings);
                }
            }

            await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(WorkerAsync)));
            var elapsed = clock.Elapsed;
            var analysed = (int)(batcher.PhotoCount - photosBefore);
            var meanBatch = (double)analysed / (batcher.BatchCount - batchesBefore);

            var bareMilliseconds = MeasureBareInference(model, host.Services.GetRequiredService<PhotoDecoder>(), photos, batchSize, settings.Duration / 2);
            return new PipelineMeasurement(
                batchSize, model.State.ExecutionProvider ?? "?", analysed, analysed / elapsed.TotalSeconds, meanBatch,
                batchSize / (bareMilliseconds / 1000), bareMilliseconds, stages);
        }
        finally
        {
            if (!settings.KeepOutput)
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static void Record(Dictionary<string, StageStatistics> stages, AnalysisTimings timings)
    {
        stages["decode"].Add(timings.Decode);
        stages["preprocess"].Add(timings.Preprocess);
        stages["queue wait"].Add(timings.QueueWait);
        stages["inference (batch)"].Add(timings.Inference);
        stages["postprocess"].Add(timings.Postprocess);
        stages["png encode"].Add(timings.Encode);
    }

    /// <summary>ORT alone: the same session run on an already pre-processed batch, nothing else. Mean milliseconds per call.</summary>
    private static double MeasureBareInference(SegmentationModel model, PhotoDecoder decoder, IReadOnlyList<byte[]> photos, int batchSize, TimeSpan duration)
    {
        var tensor = new float[batchSize * ModelContract.InputLength];
        for (var i = 0; i < batchSize; i++)
        {
            using var photo = decoder.Decode(photos[i % photos.Count]);
            ModelInputWriter.Write(photo, tensor.AsSpan(i * ModelContract.InputLength, ModelContract.InputLength));
        }

        using (model.Run(tensor, batchSize))
        {
            // warm-up for this batch shape
        }

        var runs = 0;
        var clock = Stopwatch.StartNew();
        while (runs < 3 || clock.Elapsed < duration)
        {
            using var logits = model.Run(tensor, batchSize);
            runs++;
        }

        return clock.Elapsed.TotalMilliseconds / runs;
    }
}

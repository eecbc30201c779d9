using System.Diagnostics;
using ClosetConnect.Contracts.Events;
using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Imaging;
using ClosetConnect.Vision.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.Vision.Benchmarks;

/// <summary>What one batch size measured: the whole pipeline under load, and bare inference of the same model.</summary>
/// <param name="PipelineImagesPerSecond">Median over the rounds.</param>
/// <param name="BareImagesPerSecond">Median over the rounds.</param>
/// <param name="OverheadPercent">Median over the rounds of each round's own overhead (pipeline and bare measured back to back).</param>
internal sealed record PipelineMeasurement(
    int BatchSize,
    string ExecutionProvider,
    int Photos,
    int Rounds,
    double PipelineImagesPerSecond,
    double MeanBatchSize,
    double BareImagesPerSecond,
    double OverheadPercent,
    IReadOnlyDictionary<string, StageStatistics> Stages)
{
    public double BareMillisecondsPerBatch => BatchSize * 1000 / BareImagesPerSecond;

    /// <summary>
    /// Alternates, round after round, a pipeline phase (batch size × <see cref="BenchmarkSettings.InFlightPerBatch"/>
    /// photos in flight, as a busy queue with that prefetch would keep, each analysed and its two PNGs written to a
    /// temp folder like blobs) with a bare-inference phase on the same session, so that load from elsewhere on the
    /// machine hits both alike. Overhead = how much longer a photo takes through the pipeline than through bare inference.
    /// </summary>
    public static async Task<PipelineMeasurement> RunAsync(IHost host, IReadOnlyList<byte[]> photos, int batchSize, BenchmarkSettings settings)
    {
        var model = host.Services.GetRequiredService<SegmentationModel>();
        var analyzer = host.Services.GetRequiredService<IGarmentAnalyzer>();
        var batcher = host.Services.GetRequiredService<InferenceBatcher>();
        var bareInput = PreprocessBatch(host.Services.GetRequiredService<PhotoDecoder>(), photos, batchSize);
        var output = Directory.CreateTempSubdirectory("vision-bench-").FullName;
        string[] names = ["decode", "preprocess", "queue wait", "inference (batch)", "postprocess", "png encode", "blob write", "end to end"];
        var stages = names.ToDictionary(name => name, _ => new StageStatistics());

        try
        {
            // Warm-up: JIT, ORT arenas for this batch shape, thread pool.
            await Task.WhenAll(Enumerable.Range(0, batchSize).Select(i => analyzer.AnalyzeAsync(photos[i % photos.Count], CancellationToken.None)));
            MeasureBareInference(model, bareInput, batchSize, TimeSpan.Zero);

            var batchesBefore = batcher.BatchCount;
            var photosBefore = batcher.PhotoCount;
            var pipelineRates = new List<double>();
            var bareRates = new List<double>();
            var overheads = new List<double>();
            var phase = settings.Duration / settings.Rounds;
            var next = -1;
            for (var round = 0; round < settings.Rounds; round++)
            {
                var pipelineRate = await MeasurePipelineAsync(analyzer, photos, batchSize * settings.InFlightPerBatch, phase, output, stages, () => Interlocked.Increment(ref next));
                var bareRate = batchSize * 1000 / MeasureBareInference(model, bareInput, batchSize, phase / 2);
                pipelineRates.Add(pipelineRate);
                bareRates.Add(bareRate);
                overheads.Add((bareRate / pipelineRate - 1) * 100);
            }

            var analysed = (int)(batcher.PhotoCount - photosBefore);
            return new PipelineMeasurement(
                batchSize, model.State.ExecutionProvider ?? "?", analysed, settings.Rounds, Median(pipelineRates),
                (double)analysed / (batcher.BatchCount - batchesBefore), Median(bareRates), Median(overheads), stages);
        }
        finally
        {
            if (!settings.KeepOutput)
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>Images per second with <paramref name="inFlight"/> photos always in flight, for about <paramref name="duration"/>.</summary>
    private static async Task<double> MeasurePipelineAsync(
        IGarmentAnalyzer analyzer, IReadOnlyList<byte[]> photos, int inFlight, TimeSpan duration, string output,
        Dictionary<string, StageStatistics> stages, Func<int> nextIndex)
    {
        var completed = 0;
        var clock = Stopwatch.StartNew();
        var minimumPhotos = 2 * inFlight;

        async Task WorkerAsync()
        {
            while (Volatile.Read(ref completed) < minimumPhotos || clock.Elapsed < duration)
            {
                var index = nextIndex();
                var started = Stopwatch.GetTimestamp();
                var analysis = await analyzer.AnalyzeAsync(photos[index % photos.Count], CancellationToken.None);
                var written = Stopwatch.GetTimestamp();
                await File.WriteAllBytesAsync(Path.Combine(output, $"{index}-mask.png"), analysis.MaskPng);
                await File.WriteAllBytesAsync(Path.Combine(output, $"{index}-cutout.png"), analysis.CutoutPng);
                stages["blob write"].Add(Stopwatch.GetElapsedTime(written));
                stages["end to end"].Add(Stopwatch.GetElapsedTime(started));
                Record(stages, analysis.Timings);
                Interlocked.Increment(ref completed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(WorkerAsync)));
        return completed / clock.Elapsed.TotalSeconds;
    }

    private static void Record(Dictionary<string, StageStatistics> stages, AnalysisTimings timings)
    {
        stages["decode"].Add(TimeSpan.FromMilliseconds(timings.DecodeMs));
        stages["preprocess"].Add(TimeSpan.FromMilliseconds(timings.PreprocessMs));
        stages["queue wait"].Add(TimeSpan.FromMilliseconds(timings.QueueWaitMs));
        stages["inference (batch)"].Add(TimeSpan.FromMilliseconds(timings.InferenceMs));
        stages["postprocess"].Add(TimeSpan.FromMilliseconds(timings.PostprocessMs));
        stages["png encode"].Add(TimeSpan.FromMilliseconds(timings.EncodeMs));
    }

    private static float[] PreprocessBatch(PhotoDecoder decoder, IReadOnlyList<byte[]> photos, int batchSize)
    {
        var tensor = new float[batchSize * ModelContract.InputLength];
        for (var i = 0; i < batchSize; i++)
        {
            using var photo = decoder.Decode(photos[i % photos.Count]);
            ModelInputWriter.Write(photo, tensor.AsSpan(i * ModelContract.InputLength, ModelContract.InputLength));
        }

        return tensor;
    }

    /// <summary>ORT alone: the same session run on an already pre-processed batch, nothing else. Mean milliseconds per call.</summary>
    private static double MeasureBareInference(SegmentationModel model, float[] tensor, int batchSize, TimeSpan duration)
    {
        var runs = 0;
        var clock = Stopwatch.StartNew();
        while (runs < 2 || clock.Elapsed < duration)
        {
            using var logits = model.Run(tensor, batchSize);
            runs++;
        }

        return clock.Elapsed.TotalMilliseconds / runs;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

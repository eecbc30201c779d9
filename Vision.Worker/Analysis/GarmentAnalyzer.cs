using System.Buffers;
using System.Diagnostics;
using ClosetConnect.Contracts.Events;
using ClosetConnect.ServiceDefaults;
using ClosetConnect.Vision.Colors;
using ClosetConnect.Vision.Imaging;
using ClosetConnect.Vision.Inference;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ClosetConnect.Vision.Analysis;

/// <summary>
/// The analysis pipeline: decode → pre-process into a tensor slot → batched inference → upsample + argmax →
/// main garment, category, colours → label-map and cut-out PNGs. CPU stages run on the thread pool, concurrently
/// for concurrent photos; only the model call is shared (see <see cref="InferenceBatcher"/>).
/// </summary>
public sealed class GarmentAnalyzer(
    PhotoDecoder decoder,
    InferenceBatcher batcher,
    SegmentationModel model,
    IOptions<VisionOptions> options,
    TimeProvider timeProvider) : IGarmentAnalyzer
{
    public async Task<GarmentAnalysis> AnalyzeAsync(ReadOnlyMemory<byte> encodedImage, CancellationToken cancellationToken)
    {
        var state = model.State;
        if (!state.IsLoaded)
        {
            throw new ModelUnavailableException(state.Error ?? "The segmentation model is still loading.");
        }

        using var activity = Instrumentation.ActivitySource.StartActivity("vision.analyze");
        activity?.SetTag("vision.image.bytes", encodedImage.Length);

        // Off the caller's thread (a message consumer's dispatch loop): decoding a large JPEG takes tens of milliseconds.
        var (photo, input, decode, preprocess) = await Task.Run(() => DecodeAndPreprocess(encodedImage), cancellationToken);
        using (photo)
        {
            using var inference = await batcher.InferAsync(input, cancellationToken);
            return Postprocess(photo, inference, state.ModelVersion!, decode, preprocess, activity);
        }
    }

    private (SKBitmap Photo, ModelInputBuffer Input, TimeSpan Decode, TimeSpan Preprocess) DecodeAndPreprocess(ReadOnlyMemory<byte> encodedImage)
    {
        var started = timeProvider.GetTimestamp();
        var photo = decoder.Decode(encodedImage.Span);
        var decoded = timeProvider.GetTimestamp();
        var input = ModelInputBuffer.Rent();
        try
        {
            ModelInputWriter.Write(photo, input.Pixels);
            return (photo, input, timeProvider.GetElapsedTime(started, decoded), timeProvider.GetElapsedTime(decoded));
        }
        catch
        {
            input.Dispose();
            photo.Dispose();
            throw;
        }
    }

    private GarmentAnalysis Postprocess(
        SKBitmap photo, BatchedInference inference, string modelVersion, TimeSpan decode, TimeSpan preprocess, Activity? activity)
    {
        var started = timeProvider.GetTimestamp();
        var width = photo.Width;
        var height = photo.Height;
        var rentedLabels = ArrayPool<byte>.Shared.Rent(width * height);
        try
        {
            var labels = rentedLabels.AsSpan(0, width * height);
            Span<int> pixelsPerClass = stackalloc int[ModelContract.ClassCount];
            LabelMapUpsampler.Upsample(inference.Logits.Values, inference.Logits.Shape, width, height, labels, pixelsPerClass);

            var garment = MainGarment.Select(pixelsPerClass, width * height);
            Span<bool> isMember = stackalloc bool[ModelContract.ClassCount];
            garment?.FillMembership(isMember);
            // No garment: colours and cut-out of the whole photo.
            var garmentClasses = garment is null ? Span<bool>.Empty : isMember;

            var colors = GarmentColorExtractor.Extract(photo, labels, garmentClasses, options.Value.MaxColors);
            var postprocessed = timeProvider.GetTimestamp();

            var maskPng = GarmentImageEncoder.EncodeLabelMap(labels, width, height);
            var cutoutPng = GarmentImageEncoder.EncodeCutout(photo, labels, garmentClasses);
            var encode = timeProvider.GetElapsedTime(postprocessed);

            activity?.SetTag("vision.category", garment?.Kind.Category);
            activity?.SetTag("vision.batch.size", inference.BatchSize);
            var postprocess = timeProvider.GetElapsedTime(started, postprocessed);
            var timings = new AnalysisTimings(
                decode.TotalMilliseconds,
                preprocess.TotalMilliseconds,
                inference.QueueWait.TotalMilliseconds,
                inference.Inference.TotalMilliseconds,
                inference.BatchSize,
                postprocess.TotalMilliseconds,
                encode.TotalMilliseconds,
                (decode + preprocess + inference.QueueWait + inference.Inference + postprocess + encode).TotalMilliseconds);
            return new GarmentAnalysis(garment?.Kind.Category, garment?.Kind.Label, colors, maskPng, cutoutPng, width, height, modelVersion, timings);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rentedLabels);
        }
    }
}

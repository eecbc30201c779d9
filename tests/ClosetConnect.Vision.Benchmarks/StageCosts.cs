using System.Buffers;
using System.Diagnostics;
using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Colors;
using ClosetConnect.Vision.Imaging;
using ClosetConnect.Vision.Inference;

namespace ClosetConnect.Vision.Benchmarks;

/// <summary>
/// Each CPU stage timed on its own, one photo at a time, with the model idle: what a stage costs, free of the
/// queueing and core sharing that the loaded run's per-stage times include.
/// </summary>
internal static class StageCosts
{
    public static IReadOnlyDictionary<string, StageStatistics> Measure(PhotoDecoder decoder, SegmentationModel model, IReadOnlyList<byte[]> photos, int rounds)
    {
        string[] names = ["decode", "preprocess", "upsample + argmax", "main garment + colours", "png encode"];
        var stages = names.ToDictionary(name => name, _ => new StageStatistics());
        var input = new float[ModelContract.InputLength];
        Span<int> counts = stackalloc int[ModelContract.ClassCount];
        Span<bool> isMember = stackalloc bool[ModelContract.ClassCount];
        for (var round = 0; round < rounds; round++)
        {
            foreach (var encoded in photos)
            {
                var started = Stopwatch.GetTimestamp();
                using var photo = decoder.Decode(encoded);
                stages["decode"].Add(Stopwatch.GetElapsedTime(started));

                started = Stopwatch.GetTimestamp();
                ModelInputWriter.Write(photo, input);
                stages["preprocess"].Add(Stopwatch.GetElapsedTime(started));

                using var batch = model.Run(input, 1);
                using var logits = SegmentationLogits.CopyOf(batch.ForImage(0), batch.Shape);
                var labels = ArrayPool<byte>.Shared.Rent(photo.Width * photo.Height);
                try
                {
                    started = Stopwatch.GetTimestamp();
                    LabelMapUpsampler.Upsample(logits.Values, logits.Shape, photo.Width, photo.Height, labels, counts);
                    stages["upsample + argmax"].Add(Stopwatch.GetElapsedTime(started));

                    started = Stopwatch.GetTimestamp();
                    var garment = MainGarment.Select(counts, photo.Width * photo.Height);
                    garment?.FillMembership(isMember);
                    var members = garment is null ? Span<bool>.Empty : isMember;
                    GarmentColorExtractor.Extract(photo, labels, members, 5);
                    stages["main garment + colours"].Add(Stopwatch.GetElapsedTime(started));

                    started = Stopwatch.GetTimestamp();
                    GarmentImageEncoder.EncodeLabelMap(labels, photo.Width, photo.Height);
                    GarmentImageEncoder.EncodeCutout(photo, labels, members);
                    stages["png encode"].Add(Stopwatch.GetElapsedTime(started));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(labels);
                }
            }
        }

        return stages;
    }
}

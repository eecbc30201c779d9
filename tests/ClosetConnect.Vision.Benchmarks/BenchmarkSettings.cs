using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ClosetConnect.Vision.Benchmarks;

/// <summary>Command-line settings of the benchmark; every <c>Vision:*</c> key goes to the worker's own options.</summary>
/// <param name="Duration">Pipeline time per batch size, split over the rounds (bare inference gets half as much again).</param>
/// <param name="Rounds">Pipeline and bare-inference phases alternate this many times; medians are reported.</param>
/// <param name="InFlightPerBatch">
/// Photos kept in flight per batch slot, like a consumer prefetching that many per <c>Vision:MaxBatch</c>: with 2, the
/// next batch is decoded and pre-processed while the current one runs, so batches fill up and the model never waits.
/// </param>
internal sealed record BenchmarkSettings(
    int[] BatchSizes, TimeSpan Duration, int Rounds, string ImagesFolder, string ReferencePath, bool KeepOutput, int InFlightPerBatch)
{
    public static BenchmarkSettings From(IConfiguration configuration)
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "vision");
        var batches = (configuration["batches"] ?? "1,8")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(value => int.Parse(value, CultureInfo.InvariantCulture))
            .ToArray();
        var seconds = double.Parse(configuration["seconds"] ?? "12", CultureInfo.InvariantCulture);
        return new BenchmarkSettings(
            batches,
            TimeSpan.FromSeconds(seconds),
            int.Parse(configuration["rounds"] ?? "3", CultureInfo.InvariantCulture),
            configuration["images"] ?? Path.Combine(fixtures, "images"),
            configuration["reference"] ?? Path.Combine(fixtures, "bench.json"),
            bool.Parse(configuration["keep-output"] ?? "false"),
            int.Parse(configuration["in-flight-per-batch"] ?? "2", CultureInfo.InvariantCulture));
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Benchmarks;
using ClosetConnect.Vision.Imaging;
using ClosetConnect.Vision.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Vision pipeline benchmark: per-stage times and images/s at each batch size, next to bare ORT inference of the
// same model in the same run. Usage and GPU instructions: README.md beside this file.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var settings = BenchmarkSettings.From(configuration);
var photos = Directory.GetFiles(settings.ImagesFolder, "*.*").Order().Select(File.ReadAllBytes).ToArray();
if (photos.Length == 0)
{
    Console.Error.WriteLine($"No photos in {settings.ImagesFolder}.");
    return 1;
}

var reference = ReferenceFigures.Load(settings.ReferencePath);
Console.WriteLine($"Vision pipeline benchmark: {photos.Length} photos from {settings.ImagesFolder}");
Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");

var measurements = new List<PipelineMeasurement>();
foreach (var batchSize in settings.BatchSizes)
{
    using var host = BuildHost(configuration, batchSize);
    var model = host.Services.GetRequiredService<SegmentationModel>();
    var state = model.Load();
    if (!state.IsLoaded)
    {
        Console.Error.WriteLine($"The model cannot run: {state.Error}");
        return 2;
    }

    var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<VisionOptions>>().Value;
    Console.WriteLine();
    Console.WriteLine($"Batch {batchSize}: {state.ModelVersion} on {state.ExecutionProvider}, intra-op threads {(options.IntraOpThreads == 0 ? "ORT default" : options.IntraOpThreads)}, batch delay {options.MaxBatchDelayMs} ms");
    if (measurements.Count == 0)
    {
        Console.WriteLine("  Stage costs, one photo at a time with the model idle:");
        PrintStages(StageCosts.Measure(host.Services.GetRequiredService<PhotoDecoder>(), model, photos, rounds: int.Parse(configuration["stage-rounds"] ?? "5", CultureInfo.InvariantCulture)));
    }

    var measurement = await PipelineMeasurement.RunAsync(host, photos, batchSize, settings);
    measurements.Add(measurement);
    Console.WriteLine($"  Under load ({batchSize * settings.InFlightPerBatch} photos kept in flight):");
    PrintStages(measurement.Stages);
    Console.WriteLine($"  {measurement.Photos} photos in {measurement.Rounds} rounds, mean batch {measurement.MeanBatchSize:F2}; bare ORT {measurement.BareMillisecondsPerBatch:F1} ms per batch of {measurement.BatchSize} (median)");
}

PrintSummary(measurements, reference);
return 0;

static IHost BuildHost(IConfiguration configuration, int batchSize)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
    builder.Configuration.AddConfiguration(configuration);
    builder.Configuration.AddInMemoryCollection([new("Vision:MaxBatch", batchSize.ToString(CultureInfo.InvariantCulture))]);
    builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
    builder.AddGarmentAnalysis();
    return builder.Build();
}

static void PrintStages(IReadOnlyDictionary<string, StageStatistics> stages)
{
    Console.WriteLine($"    {"stage",-24} {"min ms",9} {"mean ms",9} {"p95 ms",9}");
    foreach (var (stage, statistics) in stages)
    {
        Console.WriteLine($"    {stage,-24} {statistics.Min,9:F2} {statistics.Mean,9:F2} {statistics.Percentile(0.95),9:F2}");
    }
}

static void PrintSummary(List<PipelineMeasurement> measurements, ReferenceFigures reference)
{
    Console.WriteLine();
    Console.WriteLine($"{"batch",5} {"provider",8} {"pipeline img/s",15} {"bare ORT img/s",15} {"overhead",9} {"torch fp32 H100",16}");
    foreach (var m in measurements)
    {
        var torch = reference.TorchFp32ImagesPerSecond(m.BatchSize) is { } value ? $"{value:F0} img/s" : "-";
        Console.WriteLine($"{m.BatchSize,5} {m.ExecutionProvider,8} {m.PipelineImagesPerSecond,15:F2} {m.BareImagesPerSecond,15:F2} {m.OverheadPercent,8:F1}% {torch,16}");
    }

    if (measurements.FirstOrDefault(m => m.BatchSize == 1 && m.ExecutionProvider == "CPU") is { } cpu && reference.OrtCpuTwoThreadsMillisecondsPerImage is { } anchor)
    {
        Console.WriteLine($"bench.json ORT CPU batch 1: {anchor} ms/img at 2 threads, {reference.OrtCpuSixteenThreadsMillisecondsPerImage} ms/img at 16; here bare {cpu.BareMillisecondsPerBatch:F1} ms/img");
    }

    Console.WriteLine("img/s are medians over the rounds; overhead = median over the rounds of how much longer a photo takes through");
    Console.WriteLine("the whole pipeline (decode … blob write) than through bare inference measured right after it; target < 30 %");
}

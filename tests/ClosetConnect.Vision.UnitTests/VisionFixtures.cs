using System.Text.Json;
using System.Text.Json.Serialization;
using ClosetConnect.Vision.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkiaSharp;

namespace ClosetConnect.Vision.UnitTests;

/// <summary>The declared vision fixtures (tests/fixtures/vision) and helpers to score predictions against them.</summary>
internal static class VisionFixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "vision");

    public static FixtureManifest Manifest { get; } = JsonSerializer.Deserialize<FixtureManifest>(
        File.ReadAllText(Path.Combine(Folder, "fixtures.json")))!;

    public static byte[] ReadImage(FixturePhoto photo) => File.ReadAllBytes(Path.Combine(Folder, photo.Image));

    public static byte[] ReadLabels(FixturePhoto photo) => DecodeLabelMap(File.ReadAllBytes(Path.Combine(Folder, photo.Labels)), out _, out _);

    /// <summary>Decodes an 8-bit grayscale label PNG into one class index per pixel.</summary>
    public static byte[] DecodeLabelMap(byte[] png, out int width, out int height)
    {
        using var codec = SKCodec.Create(new MemoryStream(png)) ?? throw new InvalidOperationException("not a PNG");
        width = codec.Info.Width;
        height = codec.Info.Height;
        var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        var labels = new byte[width * height];
        var result = codec.GetPixels(info, labels);
        return result == SKCodecResult.Success ? labels : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>
    /// IoU per class over the classes present in the ground truth or the prediction (a class absent from both has
    /// no IoU), averaged; background included. This is how fixtures.json's reference_miou is computed.
    /// </summary>
    public static double MeanIoU(ReadOnlySpan<byte> truth, ReadOnlySpan<byte> predicted)
    {
        Span<long> intersection = stackalloc long[ModelContract.ClassCount];
        Span<long> union = stackalloc long[ModelContract.ClassCount];
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] == predicted[i])
            {
                intersection[truth[i]]++;
                union[truth[i]]++;
            }
            else
            {
                union[truth[i]]++;
                union[predicted[i]]++;
            }
        }

        double sum = 0;
        var classes = 0;
        for (var c = 0; c < ModelContract.ClassCount; c++)
        {
            if (union[c] > 0)
            {
                sum += (double)intersection[c] / union[c];
                classes++;
            }
        }

        return sum / classes;
    }

    public static double PixelAccuracy(ReadOnlySpan<byte> truth, ReadOnlySpan<byte> predicted)
    {
        var equal = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            equal += truth[i] == predicted[i] ? 1 : 0;
        }

        return (double)equal / truth.Length;
    }

    /// <summary>The worker's own composition (AddGarmentAnalysis) over the bundled model, tuned for a 2-core machine.</summary>
    public static IHost BuildHost(Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vision:IntraOpThreads"] = "2",
            ["Vision:ExecutionProvider"] = "Cpu",
            ["Vision:MaxBatch"] = "8",
            ["Vision:MaxBatchDelayMs"] = "20",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddGarmentAnalysis();
        return builder.Build();
    }

    /// <summary>Loads the model of <paramref name="host"/> without starting it (no background loader, no retries).</summary>
    public static SegmentationModel LoadModel(IHost host)
    {
        var model = host.Services.GetRequiredService<SegmentationModel>();
        model.Load();
        return model;
    }
}

public sealed record FixtureManifest(
    [property: JsonPropertyName("labels")] string[] Labels,
    [property: JsonPropertyName("fixtures")] FixturePhoto[] Fixtures);

public sealed record FixturePhoto(
    [property: JsonPropertyName("image")] string Image,
    [property: JsonPropertyName("labels")] string Labels,
    [property: JsonPropertyName("present")] string[] Present,
    [property: JsonPropertyName("main")] string Main,
    [property: JsonPropertyName("reference_miou")] double ReferenceMeanIoU,
    [property: JsonPropertyName("reference_pixel_accuracy")] double ReferencePixelAccuracy)
{
    public override string ToString() => Path.GetFileNameWithoutExtension(Image);
}

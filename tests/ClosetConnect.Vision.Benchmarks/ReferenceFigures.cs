using System.Text.Json;

namespace ClosetConnect.Vision.Benchmarks;

/// <summary>tests/fixtures/vision/bench.json: PyTorch on one H100 and ORT on CPU, measured on the same model.</summary>
internal sealed class ReferenceFigures(IReadOnlyDictionary<string, JsonElement> figures)
{
    public static ReferenceFigures Load(string path) =>
        new(File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path)) ?? []
            : new Dictionary<string, JsonElement>());

    /// <summary>PyTorch eager fp32 images/s on the H100 at this batch size, if measured.</summary>
    public double? TorchFp32ImagesPerSecond(int batchSize) => Number($"torch_eager_h100_fp32_b{batchSize}_img_per_s");

    public double? OrtCpuTwoThreadsMillisecondsPerImage => Number("ort_cpu_2threads_b1_ms_per_img");

    public double? OrtCpuSixteenThreadsMillisecondsPerImage => Number("ort_cpu_16threads_b1_ms_per_img");

    private double? Number(string key) => figures.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}

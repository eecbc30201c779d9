using Microsoft.Extensions.Options;

namespace ClosetConnect.Vision.Analysis;

/// <summary>Checks <see cref="VisionOptions"/> at start so a bad setting fails fast with a message that names its key.</summary>
public sealed class VisionOptionsValidator : IValidateOptions<VisionOptions>
{
    private const string Prefix = VisionOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, VisionOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            failures.Add($"{Prefix}{nameof(VisionOptions.ModelPath)} is required: the path of the ONNX segmentation model.");
        }

        if (!Enum.IsDefined(options.ExecutionProvider))
        {
            failures.Add($"{Prefix}{nameof(VisionOptions.ExecutionProvider)} must be Auto, Cuda or Cpu.");
        }

        AddIfOutside(failures, nameof(VisionOptions.CudaDeviceId), options.CudaDeviceId, 0, 64);
        AddIfOutside(failures, nameof(VisionOptions.IntraOpThreads), options.IntraOpThreads, 0, 1024);
        AddIfOutside(failures, nameof(VisionOptions.MaxBatch), options.MaxBatch, 1, 256);
        AddIfOutside(failures, nameof(VisionOptions.MaxBatchDelayMs), options.MaxBatchDelayMs, 0, 10_000);
        AddIfOutside(failures, nameof(VisionOptions.MaxInputPixels), options.MaxInputPixels, 1_000_000, 1_000_000_000);
        AddIfOutside(failures, nameof(VisionOptions.MaxWorkingDimension), options.MaxWorkingDimension, 256, 16_384);
        AddIfOutside(failures, nameof(VisionOptions.MaxColors), options.MaxColors, 1, 16);
        if (options.ModelRetryInterval < TimeSpan.FromSeconds(1) || options.ModelRetryInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}{nameof(VisionOptions.ModelRetryInterval)} must be between 00:00:01 and 01:00:00 (was {options.ModelRetryInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfOutside(List<string> failures, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{Prefix}{key} must be between {min} and {max} (was {value}).");
        }
    }
}

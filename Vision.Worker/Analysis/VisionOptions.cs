using ClosetConnect.Vision.Inference;

namespace ClosetConnect.Vision.Analysis;

/// <summary>Settings of the garment analysis, bound from the <c>Vision</c> configuration section.</summary>
public sealed class VisionOptions
{
    public const string SectionName = "Vision";

    /// <summary>The bundled fixture segmenter; production points <c>Vision:ModelPath</c> at the segformer_b2_clothes export.</summary>
    public const string DefaultModelPath = "Models/clothes-segformer-b0.onnx";

    /// <summary>The ONNX model file; a relative path is resolved against the application's base directory.</summary>
    public string ModelPath { get; set; } = DefaultModelPath;

    public ExecutionProviderPreference ExecutionProvider { get; set; } = ExecutionProviderPreference.Auto;

    public int CudaDeviceId { get; set; }

    /// <summary>ONNX Runtime intra-op threads; 0 lets ONNX Runtime use one per physical core.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Most photos run through the model in one call.</summary>
    public int MaxBatch { get; set; } = 8;

    /// <summary>Longest a photo waits for companions before its batch starts anyway; 0 runs whatever is queued at once.</summary>
    public int MaxBatchDelayMs { get; set; } = 5;

    /// <summary>Photos whose header declares more pixels are refused before decoding (decompression bombs).</summary>
    public long MaxInputPixels { get; set; } = 50_000_000;

    /// <summary>Larger photos are scaled down on decode so their long side is at most this; results use that size.</summary>
    public int MaxWorkingDimension { get; set; } = 2048;

    /// <summary>Most colours reported per garment.</summary>
    public int MaxColors { get; set; } = 5;

    /// <summary>How often a model that could not be loaded is tried again (a volume mounted late, a file replaced).</summary>
    public TimeSpan ModelRetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}

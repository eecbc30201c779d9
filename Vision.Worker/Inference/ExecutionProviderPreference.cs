namespace ClosetConnect.Vision.Inference;

/// <summary>Where ONNX Runtime runs the segmentation model (<c>Vision:ExecutionProvider</c>).</summary>
public enum ExecutionProviderPreference
{
    /// <summary>CUDA when this ONNX Runtime build and the machine can, otherwise CPU (logged once, with the reason).</summary>
    Auto,

    /// <summary>CUDA or nothing: without it the model is reported unusable, so a GPU node never silently crawls on CPU.</summary>
    Cuda,

    /// <summary>CPU only.</summary>
    Cpu,
}

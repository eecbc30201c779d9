namespace ClosetConnect.Vision.Inference;

public enum ModelStatus
{
    Loading,
    Loaded,
    Failed,
}

/// <summary>Whether the segmentation model can run, for the health check and for logs.</summary>
/// <param name="ModelPath">The resolved model file path.</param>
/// <param name="ExecutionProvider">"CUDA" or "CPU" once loaded.</param>
/// <param name="ModelVersion">File name and start of its SHA-256 once loaded.</param>
/// <param name="Error">Why the model cannot run, naming the path or setting at fault, when <see cref="Status"/> is Failed.</param>
public sealed record ModelState(ModelStatus Status, string ModelPath, string? ExecutionProvider, string? ModelVersion, string? Error)
{
    public bool IsLoaded => Status == ModelStatus.Loaded;
}

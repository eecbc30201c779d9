namespace ClosetConnect.Vision.Inference;

/// <summary>
/// The segmentation model cannot run (missing or invalid file, CUDA required but unusable, still loading).
/// Not the photo's fault: the consumer should leave the message in the queue and the health check reports it.
/// </summary>
public sealed class ModelUnavailableException : Exception
{
    public ModelUnavailableException() : this("The segmentation model is not available.")
    {
    }

    public ModelUnavailableException(string reason) : base(reason)
    {
    }

    public ModelUnavailableException(string reason, Exception innerException) : base(reason, innerException)
    {
    }
}

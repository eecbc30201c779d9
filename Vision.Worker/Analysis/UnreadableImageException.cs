namespace ClosetConnect.Vision.Analysis;

/// <summary>
/// The uploaded bytes are not a photo this worker can decode (or are too large to); the message says why in words
/// a person can act on. Retrying cannot help: the consumer should report <c>vision.item-analysis-failed</c>.
/// </summary>
public sealed class UnreadableImageException : Exception
{
    public UnreadableImageException() : this("The image could not be read.")
    {
    }

    public UnreadableImageException(string reason) : base(reason)
    {
    }

    public UnreadableImageException(string reason, Exception innerException) : base(reason, innerException)
    {
    }

    public string Reason => Message;
}

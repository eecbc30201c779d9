using ClosetConnect.Vision.Inference;

namespace ClosetConnect.Vision.Analysis;

/// <summary>Analyses one uploaded photo: main garment, category, colours, mask and cut-out.</summary>
public interface IGarmentAnalyzer
{
    /// <exception cref="UnreadableImageException">The bytes are not a photo this worker can read; retrying will not help.</exception>
    /// <exception cref="ModelUnavailableException">The model cannot run now; leave the message in the queue.</exception>
    Task<GarmentAnalysis> AnalyzeAsync(ReadOnlyMemory<byte> encodedImage, CancellationToken cancellationToken);
}

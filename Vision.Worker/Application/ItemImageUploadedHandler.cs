using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus;
using ClosetConnect.ServiceDefaults.Storage;
using ClosetConnect.Vision.Analysis;

namespace ClosetConnect.Vision.Application;

/// <summary>
/// Analyses an uploaded photo and tells Closet the outcome. The cut-out and mask are stored beside the original; an
/// unreadable photo is reported as a failure (retrying would not help), anything else is retried by the bus.
/// </summary>
public sealed class ItemImageUploadedHandler(
    IBlobStore blobs,
    IGarmentAnalyzer analyzer,
    IEventPublisher publisher,
    TimeProvider time,
    ILogger<ItemImageUploadedHandler> logger) : IIntegrationEventHandler<ItemImageUploadedEvent>
{
    private const long MaxPhotoBytes = 16 * 1024 * 1024;

    public async Task HandleAsync(ItemImageUploadedEvent uploaded, CancellationToken cancellationToken)
    {
        var photo = await ReadPhotoAsync(uploaded.ImageKey, cancellationToken);
        if (photo is null)
        {
            await PublishFailureAsync(uploaded, "The uploaded photo is no longer stored.", cancellationToken);
            return;
        }

        GarmentAnalysis analysis;
        try
        {
            analysis = await analyzer.AnalyzeAsync(photo, cancellationToken);
        }
        catch (UnreadableImageException ex)
        {
            await PublishFailureAsync(uploaded, ex.Reason, cancellationToken);
            return;
        }

        var folder = uploaded.ImageKey[..uploaded.ImageKey.LastIndexOf('/')];
        var cutoutKey = $"{folder}/cutout.png";
        var maskKey = $"{folder}/mask.png";
        await blobs.WriteAsync(cutoutKey, new MemoryStream(analysis.CutoutPng, writable: false), cancellationToken);
        await blobs.WriteAsync(maskKey, new MemoryStream(analysis.MaskPng, writable: false), cancellationToken);

        await publisher.PublishAsync(
            new ItemAnalyzedEvent(
                uploaded.ItemId,
                analysis.Category,
                analysis.Colors.Select(c => new AnalyzedColor(c.Hex, c.Name, c.Share)).ToList(),
                cutoutKey,
                maskKey,
                analysis.ModelVersion,
                analysis.Timings)
            {
                Id = IntegrationEvent.IdCausedBy(uploaded.Id, EventNames.Of<ItemAnalyzedEvent>()),
                OccurredAt = time.GetUtcNow(),
            },
            cancellationToken);

        logger.LogInformation("Analysed item {ItemId}: {Category}, {Colors} colours in {TotalMs:0} ms (batch of {BatchSize})",
            uploaded.ItemId, analysis.Category ?? "no garment", analysis.Colors.Count, analysis.Timings.TotalMs, analysis.Timings.BatchSize);
    }

    private async Task<byte[]?> ReadPhotoAsync(string key, CancellationToken cancellationToken)
    {
        await using var stream = await blobs.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.Length > MaxPhotoBytes ? throw new UnreadableImageException("The photo is larger than 16 MB.") : buffer.ToArray();
    }

    private Task PublishFailureAsync(ItemImageUploadedEvent uploaded, string reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("Item {ItemId} cannot be analysed: {Reason}", uploaded.ItemId, reason);
        return publisher.PublishAsync(
            new ItemAnalysisFailedEvent(uploaded.ItemId, reason)
            {
                Id = IntegrationEvent.IdCausedBy(uploaded.Id, EventNames.Of<ItemAnalysisFailedEvent>()),
                OccurredAt = time.GetUtcNow(),
            },
            cancellationToken);
    }
}

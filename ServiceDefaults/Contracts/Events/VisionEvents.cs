namespace ClosetConnect.Contracts.Events;

/// <summary>The garment found in an item's photo: its category, colours, and derived images in the blob store.</summary>
[EventName("vision.item-analyzed"), ConsumedBy("closet-api")]
public sealed record ItemAnalyzedEvent(
    Guid ItemId,
    string? Category,
    IReadOnlyList<AnalyzedColor> Colors,
    string? CutoutKey,
    string? MaskKey,
    string ModelVersion,
    AnalysisTimings Timings) : IntegrationEvent;

public sealed record AnalyzedColor(string Hex, string Name, double Share);

/// <summary>Milliseconds per stage; inference is the model call shared by the <paramref name="BatchSize"/> photos of its batch.</summary>
public sealed record AnalysisTimings(
    double DecodeMs,
    double PreprocessMs,
    double QueueWaitMs,
    double InferenceMs,
    int BatchSize,
    double PostprocessMs,
    double EncodeMs,
    double TotalMs);

/// <summary>The photo could not be analysed; <paramref name="Reason"/> is shown to the owner.</summary>
[EventName("vision.item-analysis-failed"), ConsumedBy("closet-api")]
public sealed record ItemAnalysisFailedEvent(Guid ItemId, string Reason) : IntegrationEvent;

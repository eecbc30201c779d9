namespace ClosetConnect.Closet.Domain;

/// <summary>Owner-editable fields of an outfit; null means "leave as is" (an empty occasion or season clears it).</summary>
public sealed record OutfitDetails(string? Name, IReadOnlyList<Guid>? ItemIds, string? Occasion, string? Season);

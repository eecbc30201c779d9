namespace ClosetConnect.Closet.Domain;

/// <summary>
/// An item that left the outfit because it left the closet, kept so the owner sees what is missing and why.
/// <paramref name="Name"/> is the item's name when it left.
/// </summary>
public sealed record RemovedOutfitItem(Guid ItemId, string Name, OutfitRemovalReason Reason, DateTimeOffset RemovedAt);

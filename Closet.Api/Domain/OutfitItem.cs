namespace ClosetConnect.Closet.Domain;

/// <summary>One of the owner's items in an outfit, at its place in the outfit's order.</summary>
public sealed record OutfitItem(Guid ItemId, int Position);

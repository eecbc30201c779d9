namespace ClosetConnect.Closet.Outfits;

/// <summary>The body of <c>POST</c> (name and itemIds required) and <c>PATCH</c> (null = unchanged) of an outfit.</summary>
public sealed record OutfitRequest(string? Name, IReadOnlyList<Guid>? ItemIds, string? Occasion, string? Season)
{
    public OutfitDetails ToDetails() => new(Name?.Trim(), ItemIds, Occasion?.Trim(), Season);
}

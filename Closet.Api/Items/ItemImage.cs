namespace ClosetConnect.Closet.Items;

/// <summary>A stored image, open for reading; whoever streams it out disposes it.</summary>
public sealed record ItemImage(Stream Content, string ContentType);

namespace ClosetConnect.Closet.Domain;

/// <summary>An image of an item that changed owner: copy <paramref name="From"/> to <paramref name="To"/>, then delete the old one.</summary>
public sealed record BlobMove(string From, string To);

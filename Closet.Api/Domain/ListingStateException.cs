namespace ClosetConnect.Closet.Domain;

/// <summary>The listing is not in a state that allows the change; <see cref="Exception.Message"/> says why, for the client.</summary>
public sealed class ListingStateException(string message) : Exception(message);

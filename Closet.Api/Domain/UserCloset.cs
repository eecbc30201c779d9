namespace ClosetConnect.Closet.Domain;

/// <summary>A user's closet, created when Identity reports the registration (or at the first upload, whichever comes first).</summary>
public sealed class UserCloset(Guid userId, string username, DateTimeOffset createdAt)
{
    public Guid UserId { get; private set; } = userId;

    public string Username { get; private set; } = username;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}

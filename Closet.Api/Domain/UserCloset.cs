namespace ClosetConnect.Closet.Domain;

/// <summary>
/// A user's closet, created when Identity reports the registration (or at the first upload or purchase, whichever comes
/// first). Its username is what buyers see of a seller on the marketplace.
/// </summary>
public sealed class UserCloset(Guid userId, string username, DateTimeOffset createdAt)
{
    public Guid UserId { get; private set; } = userId;

    public string Username { get; private set; } = username;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;

    /// <summary>A closet created before the registration event arrived (by a purchase) learns its owner's username from it.</summary>
    public bool LearnUsername(string username)
    {
        if (Username.Length > 0 || string.IsNullOrWhiteSpace(username))
        {
            return false;
        }

        Username = username;
        return true;
    }
}

namespace ClosetConnect.Closet.Domain;

/// <summary>
/// An account Identity erased. Its access tokens stay valid until they expire (up to an hour), so the id is kept to
/// refuse uploads that would otherwise re-create the closet; it links to no personal data.
/// </summary>
public sealed class ErasedAccount(Guid userId, DateTimeOffset erasedAt)
{
    /// <summary>
    /// The id Payments puts in place of an erased buyer or seller once it has anonymised an order: the events it sends
    /// about that order afterwards name nobody.
    /// </summary>
    public static readonly Guid AnonymisedParty = Guid.Empty;

    public Guid UserId { get; private set; } = userId;

    public DateTimeOffset ErasedAt { get; private set; } = erasedAt;
}

namespace ClosetConnect.Closet.Domain;

/// <summary>Why an item left an outfit, shown to the outfit's owner.</summary>
public enum OutfitRemovalReason
{
    /// <summary>The owner deleted the item.</summary>
    Deleted,

    /// <summary>The item was sold on the marketplace and now belongs to the buyer.</summary>
    Sold,

    /// <summary>The purchase was refunded and the item went back to its seller.</summary>
    Refunded,
}

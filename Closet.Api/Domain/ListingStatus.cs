namespace ClosetConnect.Closet.Domain;

/// <summary>
/// What is stored about a listing. "Reserved" is not a status: an active listing is reserved while an unexpired order
/// holds it (<see cref="Listing.IsReservedAt"/>), so a lapsed reservation frees it even if the expiry event is late.
/// </summary>
public enum ListingStatus
{
    Active,
    Sold,
    Withdrawn,
}

namespace ClosetConnect.Closet.Listings;

/// <summary>
/// The body of <c>POST /items/{id}/listing</c>. <see cref="Price"/> is whole won (a fraction is refused by name, not by
/// the JSON reader); <see cref="Currency"/> defaults to KRW, the only one accepted.
/// </summary>
public sealed record ListingRequest(decimal? Price, string? Currency, string? Description);

namespace ClosetConnect.Payments.Domain;

/// <summary>What Closet says a reserved listing costs and who sells it: the only source of an order's amount.</summary>
public sealed record ListingPrice(Guid ListingId, Guid ItemId, Guid SellerId, long Price, string Currency, string OrderName);

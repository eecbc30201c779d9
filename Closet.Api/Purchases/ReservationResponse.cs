namespace ClosetConnect.Closet.Purchases;

/// <summary>What Payments needs for the order: the seller, the server-side price and the order's name (the item's).</summary>
public sealed record ReservationResponse(Guid ListingId, Guid ItemId, Guid SellerId, long Price, string Currency, string OrderName);

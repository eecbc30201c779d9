namespace ClosetConnect.Closet.Purchases;

/// <summary>Payments asks to hold a listing for the buyer's new order until <see cref="ExpiresAt"/>.</summary>
public sealed record ReservationRequest(Guid? OrderId, DateTimeOffset? ExpiresAt);

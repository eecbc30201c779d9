namespace ClosetConnect.Contracts.Events;

/// <summary>Toss approved the buyer's payment: Closet marks the listing sold and moves the item to the buyer.</summary>
[EventName("payments.order-paid"), ConsumedBy("closet-api")]
public sealed record OrderPaidEvent(Guid OrderId, Guid ListingId, Guid ItemId, Guid BuyerId, Guid SellerId, long Amount, string Currency) : IntegrationEvent;

/// <summary>The buyer cancelled a pending order: its reservation of the listing ends.</summary>
[EventName("payments.order-cancelled"), ConsumedBy("closet-api")]
public sealed record OrderCancelledEvent(Guid OrderId, Guid ListingId) : IntegrationEvent;

/// <summary>Nobody paid for the order in time: its reservation of the listing ends.</summary>
[EventName("payments.order-expired"), ConsumedBy("closet-api")]
public sealed record OrderExpiredEvent(Guid OrderId, Guid ListingId) : IntegrationEvent;

/// <summary>A paid order was refunded in full: an item that reached the buyer goes back to the seller.</summary>
[EventName("payments.order-refunded"), ConsumedBy("closet-api")]
public sealed record OrderRefundedEvent(Guid OrderId, Guid ListingId, Guid ItemId, Guid BuyerId, Guid SellerId) : IntegrationEvent;

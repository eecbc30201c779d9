namespace ClosetConnect.Contracts.Events;

/// <summary>A photo was stored at <paramref name="ImageKey"/> in the blob store and waits for analysis.</summary>
[EventName("closet.item-image-uploaded"), ConsumedBy("vision-worker")]
public sealed record ItemImageUploadedEvent(Guid ItemId, Guid UserId, string ImageKey, string ContentType) : IntegrationEvent;

/// <summary>The paid order's item now belongs to the buyer (listing sold): Payments books the sale in the seller's ledger.</summary>
[EventName("closet.item-transferred"), ConsumedBy("payments-api")]
public sealed record ItemTransferredEvent(Guid OrderId, Guid ListingId, Guid ItemId, Guid SellerId, Guid BuyerId) : IntegrationEvent;

/// <summary>
/// The paid order's item could not be handed over (erased, withdrawn or sold meanwhile): Payments refunds the buyer.
/// <paramref name="Reason"/> is shown to the buyer.
/// </summary>
[EventName("closet.item-transfer-failed"), ConsumedBy("payments-api")]
public sealed record ItemTransferFailedEvent(Guid OrderId, Guid ListingId, Guid ItemId, string Reason) : IntegrationEvent;

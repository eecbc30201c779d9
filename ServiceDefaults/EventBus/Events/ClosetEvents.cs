namespace ClosetConnect.ServiceDefaults.EventBus.Events;

/// <summary>A photo was stored at <paramref name="ImageKey"/> in the blob store and waits for analysis.</summary>
[EventName("closet.item-image-uploaded")]
public sealed record ItemImageUploadedEvent(Guid ItemId, Guid UserId, string ImageKey, string ContentType) : IntegrationEvent;

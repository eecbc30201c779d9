using System.Text.Json;
using ClosetConnect.Contracts.Events;

namespace ClosetConnect.EventBus;

/// <summary>Events travel as camelCase JSON, the same shape the public REST contract uses.</summary>
public static class EventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(IntegrationEvent integrationEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(integrationEvent, integrationEvent.GetType(), Options);

    public static IntegrationEvent Deserialize(ReadOnlySpan<byte> body, Type eventType) =>
        JsonSerializer.Deserialize(body, eventType, Options) as IntegrationEvent
        ?? throw new JsonException($"The message body is not a {eventType.Name}.");
}

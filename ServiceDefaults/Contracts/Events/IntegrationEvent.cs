using System.Security.Cryptography;
using System.Text;

namespace ClosetConnect.Contracts.Events;

/// <summary>
/// A fact one service tells the others. Every message carries its id (the consumers' inbox key) and when it happened;
/// the trace context and baggage of the request that caused it travel in the message's headers.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The id of the event that handling <paramref name="causeId"/> raises: the same on every redelivery of the cause,
    /// so a consumer without an outbox still lets the next service's inbox drop the repeat.
    /// </summary>
    public static Guid IdCausedBy(Guid causeId, string eventName)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{causeId:N}/{eventName}"), hash);
        return new Guid(hash[..16]);
    }
}

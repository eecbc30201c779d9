using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus;
using RabbitMQ.Client;

namespace ClosetConnect.IntegrationTests.Closet;

/// <summary>
/// Events delivered straight to the running system's exchange, as the services' publisher sends them (routing key =
/// event name, camelCase JSON, the id as message id), in whatever order a test needs; and the signal that a service
/// has handled one: the message id in that service's inbox.
/// </summary>
public sealed class SystemEvents(DistributedApplication app, IConnection connection, IChannel channel) : IAsyncDisposable
{
    private const string Exchange = "closetconnect.events";

    public static async Task<SystemEvents> ConnectAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri((await app.GetConnectionStringAsync("messaging", cancellationToken))!) }
            .CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return new SystemEvents(app, connection, channel);
    }

    public async Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            MessageId = integrationEvent.Id.ToString(),
            Type = EventNames.Of(integrationEvent.GetType()),
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync(Exchange, EventNames.Of(integrationEvent.GetType()), mandatory: false, properties,
            EventSerializer.Serialize(integrationEvent), cancellationToken);
    }

    /// <summary>Publishes the event and waits until the service owning <paramref name="database"/> has handled it.</summary>
    public async Task DeliverAsync(IntegrationEvent integrationEvent, string database, CancellationToken cancellationToken)
    {
        await PublishAsync(integrationEvent, cancellationToken);
        await WaitUntilHandledAsync(database, EventNames.Of(integrationEvent.GetType()), [integrationEvent.Id], cancellationToken);
    }

    /// <summary>Waits until the service owning <paramref name="database"/> has handled one of the messages <paramref name="anyOf"/>.</summary>
    public Task WaitUntilHandledAsync(string database, string what, IReadOnlyList<Guid> anyOf, CancellationToken cancellationToken)
    {
        var parameters = anyOf.Select((id, n) => (Name: $"@id{n}", Value: (object)id.ToString())).ToDictionary(p => p.Name, p => p.Value);
        var sql = $"SELECT COUNT(*) FROM InboxMessages WHERE MessageId IN ({string.Join(", ", parameters.Keys)})";
        return Eventually.HoldsAsync($"{database} handling {what}", async () =>
            await ServiceDatabase.CountAsync(app, database, sql, parameters, cancellationToken) > 0, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}

using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ClosetConnect.AppHost.Hosting.RabbitMQ;

/// <summary>
/// Moves the messages of each service's dead-letter queue (<c>{service}.dead-letter</c>) back to its queue, with the
/// bus's delivery state (the <c>x-closetconnect-*</c> headers: attempts, last error) reset, so each gets every attempt
/// again. Only what was there at the start moves: a message that fails again waits for the next replay.
/// </summary>
internal static class DeadLetterReplay
{
    private const string BusHeaderPrefix = "x-closetconnect-";

    public static async Task<int> ReplayAsync(string connectionString, IEnumerable<string> services, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString), ClientProvidedName = "apphost-dead-letter-replay" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var moved = 0;
        foreach (var service in services.Distinct(StringComparer.Ordinal))
        {
            var deadLetters = $"{service}.dead-letter";
            for (var waiting = await CountAsync(connection, deadLetters, cancellationToken); waiting > 0; waiting--)
            {
                if (await channel.BasicGetAsync(deadLetters, autoAck: false, cancellationToken) is not { } message)
                {
                    break;
                }

                var headers = (message.BasicProperties.Headers ?? new Dictionary<string, object?>())
                    .Where(header => !header.Key.StartsWith(BusHeaderPrefix, StringComparison.Ordinal))
                    .ToDictionary();
                await channel.BasicPublishAsync(string.Empty, service, mandatory: true,
                    new BasicProperties(message.BasicProperties) { Headers = headers }, message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                moved++;
            }
        }

        return moved;
    }

    /// <summary>The queue's message count; 0 when the service has no dead-letter queue (it consumes nothing).</summary>
    private static async Task<uint> CountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel: one of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await probe.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}

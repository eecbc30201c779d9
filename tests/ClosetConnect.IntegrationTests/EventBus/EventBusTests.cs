using ClosetConnect.ServiceDefaults.EventBus;
using ClosetConnect.ServiceDefaults.EventBus.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MySqlConnector;
using RabbitMQ.Client;

namespace ClosetConnect.IntegrationTests.EventBus;

/// <summary>
/// The event bus, outbox and inbox against the running system's MariaDB (a database of the test's own, made with the
/// server's root account) and RabbitMQ (queues and an event of the test's own). Stopping the broker here is a fault
/// the services recover from, as they must.
/// </summary>
[NonParallelizable]
[CancelAfter(120_000)]
public sealed class EventBusTests
{
    private DistributedApplication servers = null!;
    private string database = null!;
    private string messaging = null!;
    private IHost? service;
    private string queue = null!;

    [SetUp]
    public void NameQueue() => queue = $"bus-test-{Guid.NewGuid():N}";

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        servers = await SharedAppHost.GetAsync(CancellationToken.None);
        var root = new MySqlConnectionStringBuilder((await servers.GetConnectionStringAsync("mariadb"))!) { Database = "bustest" };
        await using (var connection = new MySqlConnection(new MySqlConnectionStringBuilder(root.ConnectionString) { Database = "" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand("CREATE DATABASE IF NOT EXISTS bustest", connection);
            await create.ExecuteNonQueryAsync();
        }
        database = root.ConnectionString;
        messaging = (await servers.GetConnectionStringAsync("messaging"))!;
    }

    [TearDown]
    public async Task StopServiceAsync()
    {
        if (service is not null)
        {
            await service.StopAsync();
            service.Dispose();
            service = null;
        }

        // Every test binds its own queue to the same event; unbinding it keeps the next test's routing honest.
        await using var connection = await new ConnectionFactory { Uri = new Uri(messaging) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
        await channel.QueueDeleteAsync($"{queue}.dead-letter");
    }

    [Test]
    public async Task A_message_delivered_twice_is_applied_once(CancellationToken cancellationToken)
    {
        service = await BusTestService.StartAsync(database, messaging, queue, concurrency: 1, cancellationToken);
        var publisher = service.Services.GetRequiredService<IEventPublisher>();
        var probe = service.Services.GetRequiredService<HandlerProbe>();

        var parcel = new ParcelShipped(Guid.NewGuid(), Poison: false) { OccurredAt = DateTimeOffset.UtcNow };
        await PublishOnceRoutedAsync(publisher, parcel, cancellationToken);
        await publisher.PublishAsync(parcel, cancellationToken);
        // One at a time, in order: once the sentinel is handled, both copies have been through the inbox.
        var sentinel = new ParcelShipped(Guid.NewGuid(), Poison: false) { OccurredAt = DateTimeOffset.UtcNow };
        await publisher.PublishAsync(sentinel, cancellationToken);
        await probe.WaitForAsync(sentinel.ParcelId, 1, cancellationToken);

        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BusTestDbContext>();
        Assert.Multiple(async () =>
        {
            Assert.That(probe.CallsFor(parcel.ParcelId), Is.EqualTo(1), "handler calls");
            Assert.That(await db.ShippedParcels.CountAsync(p => p.ParcelId == parcel.ParcelId, cancellationToken), Is.EqualTo(1), "rows written");
            Assert.That(await db.Set<InboxMessage>().CountAsync(m => m.MessageId == parcel.Id, cancellationToken), Is.EqualTo(1), "inbox rows");
        });
    }

    [Test]
    public async Task A_handler_that_keeps_failing_sends_its_message_to_the_dead_letter_queue_after_its_retries(CancellationToken cancellationToken)
    {
        service = await BusTestService.StartAsync(database, messaging, queue, concurrency: 2, cancellationToken);
        var probe = service.Services.GetRequiredService<HandlerProbe>();
        var poison = new ParcelShipped(Guid.NewGuid(), Poison: true) { OccurredAt = DateTimeOffset.UtcNow };

        await PublishOnceRoutedAsync(service.Services.GetRequiredService<IEventPublisher>(), poison, cancellationToken);

        var deadLetter = await WaitForDeadLetterAsync($"{queue}.dead-letter", cancellationToken);
        Assert.That(deadLetter.BasicProperties.MessageId, Is.EqualTo(poison.Id.ToString()));
        Assert.That(probe.CallsFor(poison.ParcelId), Is.EqualTo(3), "the first attempt and 2 retries");
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BusTestDbContext>();
        Assert.That(await db.ShippedParcels.CountAsync(p => p.ParcelId == poison.ParcelId, cancellationToken), Is.Zero, "every attempt rolled back");
        Assert.That(await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == poison.Id, cancellationToken), Is.False);
    }

    [Test]
    public async Task An_event_committed_while_the_broker_is_down_is_delivered_once_it_is_back(CancellationToken cancellationToken)
    {
        service = await BusTestService.StartAsync(database, messaging, queue, concurrency: 2, cancellationToken);
        var probe = service.Services.GetRequiredService<HandlerProbe>();
        var parcel = new ParcelShipped(Guid.NewGuid(), Poison: false) { OccurredAt = DateTimeOffset.UtcNow };
        var warmUp = new ParcelShipped(Guid.NewGuid(), Poison: false) { OccurredAt = DateTimeOffset.UtcNow };
        await PublishOnceRoutedAsync(service.Services.GetRequiredService<IEventPublisher>(), warmUp, cancellationToken);
        await probe.WaitForAsync(warmUp.ParcelId, 1, cancellationToken);

        await servers.StopResourceAsync("messaging", cancellationToken);
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BusTestDbContext>();
            db.AddIntegrationEvent(parcel);
            await db.SaveChangesAsync(cancellationToken);
        }

        // The relay tried and failed: the row is kept, unpublished, for the next attempt.
        var kept = await Eventually.GetAsync("a failed publish attempt of the outbox row", async () =>
            await OutboxRowAsync(parcel.Id, cancellationToken) is { Attempts: > 0 } row ? row : null, cancellationToken);
        Assert.That(kept.PublishedAt, Is.Null, "kept while the broker is down");

        await servers.StartResourceAsync("messaging", cancellationToken);
        await probe.WaitForAsync(parcel.ParcelId, 1, cancellationToken);

        Assert.That(probe.CallsFor(parcel.ParcelId), Is.EqualTo(1));
        Assert.That(await OutboxRowAsync(parcel.Id, cancellationToken), Has.Property(nameof(OutboxMessage.PublishedAt)).Not.Null);
    }

    /// <summary>The service declares its queue as it starts; until then the broker returns the message as unroutable.</summary>
    private static async Task PublishOnceRoutedAsync(IEventPublisher publisher, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await publisher.PublishAsync(integrationEvent, cancellationToken);
                return;
            }
            catch (RabbitMQ.Client.Exceptions.PublishException ex) when (ex.IsReturn)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task<OutboxMessage> OutboxRowAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = service!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BusTestDbContext>();
        return await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
    }

    private async Task<BasicGetResult> WaitForDeadLetterAsync(string deadLetterQueue, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(messaging) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        while (true)
        {
            if (await channel.BasicGetAsync(deadLetterQueue, autoAck: true, cancellationToken) is { } message)
            {
                return message;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}

using ClosetConnect.ServiceDefaults.EventBus;
using ClosetConnect.ServiceDefaults.EventBus.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace ClosetConnect.IntegrationTests.EventBus;

/// <summary>
/// The event bus, outbox and inbox against a real MariaDB and RabbitMQ, started through the app model in their own
/// state directory so that stopping the broker here cannot disturb the end-to-end tests.
/// </summary>
[NonParallelizable]
[CancelAfter(120_000)]
public sealed class EventBusTests
{
    private readonly TemporaryState state = new();
    private DistributedApplication servers = null!;
    private string database = null!;
    private string messaging = null!;
    private IHost? service;
    private string queue = null!;

    [SetUp]
    public void NameQueue() => queue = $"bus-test-{Guid.NewGuid():N}";

    [OneTimeSetUp]
    public async Task StartServersAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create(state.Argument);
        builder.AddMariaDB("mariadb").AddDatabase("busdb");
        builder.AddRabbitMQ("messaging");
        servers = await builder.BuildAsync();
        await servers.StartAsync();
        await servers.WaitUntilHealthyAsync("busdb", CancellationToken.None);
        await servers.WaitUntilHealthyAsync("messaging", CancellationToken.None);
        database = (await servers.GetConnectionStringAsync("busdb"))!;
        messaging = (await servers.GetConnectionStringAsync("messaging"))!;
    }

    [OneTimeTearDown]
    public async Task StopServersAsync()
    {
        await servers.DisposeAsync();
        state.Dispose();
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

        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        Assert.That(await OutboxRowAsync(parcel.Id, cancellationToken), Has.Property(nameof(OutboxMessage.PublishedAt)).Null, "kept while the broker is down");

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

using System.Diagnostics;
using System.Text;
using ClosetConnect.AppHost.Hosting.RabbitMQ;
using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus;
using ClosetConnect.EventBus.Outbox;
using ClosetConnect.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MySqlConnector;
using OpenTelemetry;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ClosetConnect.IntegrationTests.EventBus;

/// <summary>
/// The event bus, outbox and inbox against the running system's MariaDB (databases of the tests' own, made with the
/// server's root account) and RabbitMQ (each test's queues under a prefix of its own). The faults are the broker's:
/// a stop, a memory alarm that blocks publishers, a channel it closes, a consumer that dies holding a message.
/// </summary>
[NonParallelizable]
[CancelAfter(120_000)]
public sealed class EventBusTests
{
    private readonly List<IHost> services = [];
    private DistributedApplication servers = null!;
    private string database = null!;
    private string auditDatabase = null!;
    private string messaging = null!;
    private string prefix = null!;
    private bool alarmRaised;

    private string Queue => prefix + BusTestService.Consumer;

    private string DeadLetterQueue => $"{Queue}.dead-letter";

    [OneTimeSetUp]
    public async Task CreateDatabasesAsync()
    {
        servers = await SharedAppHost.GetAsync(CancellationToken.None);
        var root = (await servers.GetConnectionStringAsync("mariadb"))!;
        database = await CreateDatabaseAsync(root, "bustest");
        auditDatabase = await CreateDatabaseAsync(root, "bustest_audit");
        messaging = (await servers.GetConnectionStringAsync("messaging"))!;
    }

    [SetUp]
    public void NameQueues() => prefix = $"t{Guid.NewGuid():N}.";

    [TearDown]
    public async Task StopServicesAsync()
    {
        if (alarmRaised)
        {
            await Rabbitmqctl.ClearMemoryAlarmAsync(servers, CancellationToken.None);
            alarmRaised = false;
        }

        foreach (var service in services)
        {
            await service.StopAsync();
            service.Dispose();
        }

        services.Clear();
        await using var connection = await ConnectAsync(CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in (string[])[Queue, prefix + BusTestService.AuditConsumer])
        {
            foreach (var name in (string[])[queue, $"{queue}.dead-letter", $"{queue}.redelivery.20ms", $"{queue}.redelivery.1000ms"])
            {
                await channel.QueueDeleteAsync(name);
            }
        }
    }

    [Test]
    public async Task A_message_delivered_twice_is_applied_once(CancellationToken cancellationToken)
    {
        var service = await StartAsync(concurrency: 1, cancellationToken);
        var publisher = service.Services.GetRequiredService<IEventPublisher>();
        var probe = service.Services.GetRequiredService<HandlerProbe>();

        var parcel = Parcel();
        await publisher.PublishAsync(parcel, cancellationToken);
        await publisher.PublishAsync(parcel, cancellationToken);
        // One at a time, in order: once the sentinel is handled, both copies have been through the inbox.
        var sentinel = Parcel();
        await publisher.PublishAsync(sentinel, cancellationToken);
        await probe.WaitForAsync(sentinel.ParcelId, cancellationToken);

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
    public async Task A_handler_that_keeps_failing_is_tried_once_per_attempt_then_dead_lettered_with_its_error(CancellationToken cancellationToken)
    {
        var service = await StartAsync(concurrency: 2, cancellationToken);
        var probe = service.Services.GetRequiredService<HandlerProbe>();
        var poison = Parcel(poison: true);

        await service.Services.GetRequiredService<IEventPublisher>().PublishAsync(poison, cancellationToken);

        var deadLetter = await NextMessageAsync(DeadLetterQueue, cancellationToken);
        Assert.Multiple(async () =>
        {
            Assert.That(deadLetter.BasicProperties.MessageId, Is.EqualTo(poison.Id.ToString()));
            Assert.That(Header(deadLetter, MessageHeaders.Error), Does.Contain("can never be handled"), "the reason travels with it");
            // A TimeoutException is transient to EF Core's retry strategy: one run per attempt means no second retry layer.
            Assert.That(probe.CallsFor(poison.ParcelId), Is.EqualTo(3), "EventBus:MaxAttempts runs, no more");
            await using var scope = service.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BusTestDbContext>();
            Assert.That(await db.ShippedParcels.CountAsync(p => p.ParcelId == poison.ParcelId, cancellationToken), Is.Zero, "every attempt rolled back");
            Assert.That(await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == poison.Id, cancellationToken), Is.False);
        });
    }

    [Test]
    public async Task An_event_committed_while_the_broker_is_down_is_delivered_once_it_is_back(CancellationToken cancellationToken)
    {
        var service = await StartAsync(concurrency: 2, cancellationToken);
        var probe = service.Services.GetRequiredService<HandlerProbe>();
        var warmUp = Parcel();
        await service.Services.GetRequiredService<IEventPublisher>().PublishAsync(warmUp, cancellationToken);
        await probe.WaitForAsync(warmUp.ParcelId, cancellationToken);

        await servers.StopResourceAsync("messaging", cancellationToken);
        var parcel = Parcel();
        await SaveEventAsync(service, parcel, cancellationToken);

        // The relay tried and failed: the row is kept, unpublished, for the next attempt.
        var kept = await Eventually.UntilAsync("a failed publish attempt of the outbox row", () => PublishStateAsync(service, parcel.Id, cancellationToken),
            row => row.Attempts > 0, cancellationToken);
        Assert.That(kept.PublishedAt, Is.Null, "kept while the broker is down");

        await servers.StartResourceAsync("messaging", cancellationToken);
        await probe.WaitForAsync(parcel.ParcelId, cancellationToken);

        Assert.That(probe.CallsFor(parcel.ParcelId), Is.EqualTo(1));
        Assert.That(await OutboxRowAsync(service, parcel.Id, cancellationToken), Has.Property(nameof(OutboxMessage.PublishedAt)).Not.Null);
    }

    [Test]
    public async Task Business_writes_commit_and_messages_are_consumed_while_the_broker_blocks_publishing(CancellationToken cancellationToken)
    {
        // A confirm wait well past each write's 5 s: a relay that held its claim's locks while publishing would then
        // hold up the writes longer than they may take, instead of just under it.
        var service = await StartAsync(concurrency: 1, cancellationToken, settings: new Dictionary<string, string?> { ["EventBus:PublishTimeout"] = "00:00:15" });
        var publisher = service.Services.GetRequiredService<IEventPublisher>();
        var probe = service.Services.GetRequiredService<HandlerProbe>();
        ParcelShipped[] queued = [Parcel(), Parcel(), Parcel()];
        probe.Hold();
        foreach (var parcel in queued)
        {
            await publisher.PublishAsync(parcel, cancellationToken);
        }

        await probe.WaitForAsync(queued[0].ParcelId, cancellationToken);

        await Rabbitmqctl.RaiseMemoryAlarmAsync(servers, cancellationToken);
        alarmRaised = true;
        var written = new List<ParcelShipped>();
        async Task WriteWithinFiveSecondsAsync()
        {
            var parcel = Parcel();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await SaveEventAsync(service, parcel, deadline.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Business write {written.Count + 1} did not commit within 5 s while the relay was blocked: {ex.Message}");
            }

            written.Add(parcel);
        }

        // The first write wakes the relay, which claims its row and publishes it into the block; the next ones must not
        // wait for that publish. Claimed and not yet failed, well inside the 15 s confirm wait: the publish is under way.
        await WriteWithinFiveSecondsAsync();
        await Eventually.UntilAsync("the relay claiming the first row and publishing it", () => PublishStateAsync(service, written[0].Id, cancellationToken),
            row => row is { NextAttemptAt: not null, Attempts: 0 }, cancellationToken, TimeSpan.FromSeconds(10));
        for (var write = 1; write < 4; write++)
        {
            await WriteWithinFiveSecondsAsync();
        }

        // The consumer acks on a connection of its own, which the broker does not block.
        probe.Release();
        await probe.WaitForAsync(queued[2].ParcelId, cancellationToken, TimeSpan.FromSeconds(20));

        var stuck = await Eventually.UntilAsync("a publish attempt given up after the confirm timeout", () => PublishStateAsync(service, written[0].Id, cancellationToken),
            row => row.LastError?.Contains("did not confirm") == true, cancellationToken);
        Assert.That(stuck.PublishedAt, Is.Null, "the broker still blocks publishing");

        await Rabbitmqctl.ClearMemoryAlarmAsync(servers, cancellationToken);
        alarmRaised = false;
        foreach (var parcel in written)
        {
            await probe.WaitForAsync(parcel.ParcelId, cancellationToken);
        }
    }

    [Test]
    public async Task An_event_reaches_a_consumer_that_starts_after_it_was_published(CancellationToken cancellationToken)
    {
        var service = await StartAsync(concurrency: 1, cancellationToken);
        var returned = new ParcelReturned(Guid.NewGuid()) { OccurredAt = DateTimeOffset.UtcNow };
        await service.Services.GetRequiredService<IEventPublisher>().PublishAsync(returned, cancellationToken);
        await service.Services.GetRequiredService<HandlerProbe>().WaitForAsync(returned.ParcelId, cancellationToken);

        // Its second consumer never ran before: the publisher declared its queue from the catalogue.
        var audit = await StartAsync(concurrency: 1, cancellationToken, consumer: BusTestService.AuditConsumer, databaseConnection: auditDatabase);
        await audit.Services.GetRequiredService<HandlerProbe>().WaitForAsync(returned.ParcelId, cancellationToken);
    }

    [Test]
    public async Task A_message_whose_consumer_keeps_dying_is_dead_lettered_after_the_delivery_limit(CancellationToken cancellationToken)
    {
        // A service that only declares the queues: the test plays the consumer that dies holding the message.
        var auditor = await StartAsync(concurrency: 1, cancellationToken, consumer: BusTestService.AuditConsumer, databaseConnection: auditDatabase);
        var parcel = Parcel();
        await auditor.Services.GetRequiredService<IEventPublisher>().PublishAsync(parcel, cancellationToken);

        await using var connection = await ConnectAsync(cancellationToken);
        var deliveries = 0;
        var deadLetter = await Eventually.GetAsync($"the message in {DeadLetterQueue} after consumers that died holding it", async () =>
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            if (await channel.BasicGetAsync(DeadLetterQueue, autoAck: true, cancellationToken) is { } dead)
            {
                return dead;
            }

            if (await channel.BasicGetAsync(Queue, autoAck: false, cancellationToken) is not null)
            {
                deliveries++; // and "dies": the channel closes without an ack
            }

            Assert.That(deliveries, Is.LessThanOrEqualTo(10), "delivered to consumers that died, and never dead-lettered");
            return null;
        }, cancellationToken);

        Assert.That(deadLetter.BasicProperties.MessageId, Is.EqualTo(parcel.Id.ToString()));
        Assert.That(deliveries, Is.EqualTo(6), "the first delivery and 5 redeliveries");
    }

    [Test]
    public async Task A_consumer_whose_channel_the_broker_closes_comes_back_and_its_health_shows_the_outage(CancellationToken cancellationToken)
    {
        var service = await StartAsync(concurrency: 1, cancellationToken);
        var publisher = service.Services.GetRequiredService<IEventPublisher>();
        var probe = service.Services.GetRequiredService<HandlerProbe>();
        var health = service.Services.GetRequiredService<HealthCheckService>();
        var before = Parcel();
        await publisher.PublishAsync(before, cancellationToken);
        await probe.WaitForAsync(before.ParcelId, cancellationToken);

        // While the broker closes the consumer's channel, the test takes the queue for itself, so the consumer cannot
        // come straight back and its health must tell.
        await using var connection = await ConnectAsync(cancellationToken);
        var closing = Rabbitmqctl.CloseConsumerChannelsAsync(servers, Queue, cancellationToken);
        var holder = await TakeExclusivelyAsync(connection, cancellationToken);
        await closing;
        var down = await Eventually.GetAsync("an unhealthy report of the lost consumer", async () =>
            await health.CheckHealthAsync(check => check.Name == "event-consumer", cancellationToken) is { Status: HealthStatus.Unhealthy } report ? report : null,
            cancellationToken, TimeSpan.FromSeconds(15));
        Assert.That(down.Entries["event-consumer"].Description, Does.Contain("event consumer is down"));

        await holder.CloseAsync(cancellationToken);
        var after = Parcel();
        await publisher.PublishAsync(after, cancellationToken);
        await probe.WaitForAsync(after.ParcelId, cancellationToken, TimeSpan.FromSeconds(20));
        Assert.That((await health.CheckHealthAsync(check => check.Name == "event-consumer", cancellationToken)).Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task An_event_an_old_replica_has_no_handler_for_waits_for_a_replica_that_has_one(CancellationToken cancellationToken)
    {
        var slowRedelivery = new Dictionary<string, string?> { ["EventBus:MaxAttempts"] = "10", ["EventBus:RedeliveryDelays:0"] = "00:00:01" };
        var old = await StartAsync(concurrency: 1, cancellationToken, handlesReturns: false, settings: slowRedelivery);
        var returned = new ParcelReturned(Guid.NewGuid()) { OccurredAt = DateTimeOffset.UtcNow };
        await old.Services.GetRequiredService<IEventPublisher>().PublishAsync(returned, cancellationToken);

        await using var connection = await ConnectAsync(cancellationToken);
        await Eventually.UntilAsync("the old replica sending the event round its delay queue (messages in it)",
            () => MessagesInAsync(connection, $"{Queue}.redelivery.1000ms", cancellationToken), count => count > 0, cancellationToken);

        // The rolling deploy replaces it.
        await old.StopAsync(cancellationToken);
        var current = await StartAsync(concurrency: 1, cancellationToken, settings: slowRedelivery);
        await current.Services.GetRequiredService<HandlerProbe>().WaitForAsync(returned.ParcelId, cancellationToken);
        Assert.That(await MessagesInAsync(connection, DeadLetterQueue, cancellationToken), Is.Zero);
    }

    [Test]
    public async Task An_outbox_row_the_broker_keeps_refusing_is_parked_and_the_outbox_reports_degraded(CancellationToken cancellationToken)
    {
        var service = await StartAsync(concurrency: 1, cancellationToken, settings: new Dictionary<string, string?> { ["EventBus:OutboxMaxRefusals"] = "2" });
        var lost = new ParcelLost(Guid.NewGuid()) { OccurredAt = DateTimeOffset.UtcNow };
        await SaveEventAsync(service, lost, cancellationToken);

        var parked = await Eventually.GetAsync("the outbox row parked", async () =>
            await OutboxRowAsync(service, lost.Id, cancellationToken) is { ParkedAt: not null } row ? row : null, cancellationToken);
        Assert.Multiple(async () =>
        {
            Assert.That(parked.Refusals, Is.EqualTo(2));
            Assert.That(parked.PublishedAt, Is.Null);
            Assert.That(parked.LastError, Does.Contain("not in the event catalogue"));
            var report = await service.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "outbox", cancellationToken);
            Assert.That(report.Status, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(report.Entries["outbox"].Description, Does.Contain("parked").And.Contain(lost.Id.ToString()));
        });
    }

    [Test]
    public async Task Trace_state_and_baggage_reach_the_handler_through_the_outbox_and_a_direct_publish(CancellationToken cancellationToken)
    {
        var service = await StartAsync(concurrency: 1, cancellationToken);
        var probe = service.Services.GetRequiredService<HandlerProbe>();
        using var origin = new ActivitySource("bus-test-origin");
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is Instrumentation.ActivitySourceName or "bus-test-origin",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        var throughOutbox = Parcel();
        var direct = Parcel();
        string traceId;
        using (var request = origin.StartActivity("request")!)
        {
            request.TraceStateString = "closetconnect=t1";
            Baggage.SetBaggage("closet.test", "v1");
            traceId = request.TraceId.ToString();
            await SaveEventAsync(service, throughOutbox, cancellationToken);
            await service.Services.GetRequiredService<IEventPublisher>().PublishAsync(direct, cancellationToken);
            Baggage.Current = default;
        }

        foreach (var parcel in (ParcelShipped[])[throughOutbox, direct])
        {
            await probe.WaitForAsync(parcel.ParcelId, cancellationToken);
            Assert.That(probe.Calls.Single(call => call.ParcelId == parcel.ParcelId), Is.EqualTo(new HandledParcel(parcel.ParcelId, traceId, "closetconnect=t1", "v1")));
        }
    }

    [Test]
    public async Task Replaying_dead_letters_hands_them_to_their_service_again(CancellationToken cancellationToken)
    {
        // A registration Closet gave up on (as if the database had been down for all its attempts).
        var registered = new UserRegisteredEvent(Guid.NewGuid(), $"replayed{Random.Shared.Next(100_000)}") { OccurredAt = DateTimeOffset.UtcNow };
        await DeadLetterAsync("closet-api", registered, attempts: 10, cancellationToken);

        await servers.RunCommandAsync("messaging", RabbitMQBuilderExtensions.ReplayDeadLettersCommandName, cancellationToken);

        var closetDb = new MySqlConnectionStringBuilder((await servers.GetConnectionStringAsync("mariadb"))!) { Database = "closetdb" }.ConnectionString;
        await Eventually.HoldsAsync("Closet handling the replayed registration", async () =>
        {
            await using var connection = new MySqlConnection(closetDb);
            await connection.OpenAsync(cancellationToken);
            await using var query = new MySqlCommand("SELECT COUNT(*) FROM InboxMessages WHERE MessageId = @id", connection);
            query.Parameters.AddWithValue("@id", registered.Id.ToString());
            return Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }, cancellationToken);
    }

    [Test]
    public async Task A_replayed_dead_letter_gets_every_attempt_again(CancellationToken cancellationToken)
    {
        var service = await StartAsync(concurrency: 1, cancellationToken);
        var probe = service.Services.GetRequiredService<HandlerProbe>();
        var warmUp = Parcel();
        await service.Services.GetRequiredService<IEventPublisher>().PublishAsync(warmUp, cancellationToken);
        await probe.WaitForAsync(warmUp.ParcelId, cancellationToken);
        // Given up on after all 3 attempts (EventBus:MaxAttempts); once replayed, its first run fails again.
        var parcel = Parcel();
        probe.FailNext(parcel.ParcelId, times: 1);
        await DeadLetterAsync(Queue, parcel, attempts: 3, cancellationToken);

        Assert.That(await DeadLetterReplay.ReplayAsync(messaging, [Queue], cancellationToken), Is.EqualTo(1));

        await Eventually.HoldsAsync("the replayed parcel handled on its second attempt", async () =>
        {
            await using var scope = service.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<BusTestDbContext>().ShippedParcels.AnyAsync(p => p.ParcelId == parcel.ParcelId, cancellationToken);
        }, cancellationToken);
        Assert.That(probe.CallsFor(parcel.ParcelId), Is.EqualTo(2), "one failed run, then the one that committed");
    }

    private async Task<IHost> StartAsync(
        int concurrency,
        CancellationToken cancellationToken,
        string consumer = BusTestService.Consumer,
        bool handlesReturns = true,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? databaseConnection = null)
    {
        var service = await BusTestService.StartAsync(databaseConnection ?? database, messaging, prefix, concurrency, cancellationToken, consumer, handlesReturns, settings);
        services.Add(service);
        return service;
    }

    /// <summary>The test's own connection to the running system's broker.</summary>
    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = new Uri(messaging) }.CreateConnectionAsync(cancellationToken);

    /// <summary>Puts the event in <paramref name="queue"/>'s dead-letter queue, as the consumer does after its last attempt.</summary>
    private async Task DeadLetterAsync(string queue, IntegrationEvent integrationEvent, int attempts, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken);
        var properties = new BasicProperties
        {
            MessageId = integrationEvent.Id.ToString(),
            Type = EventNames.Of(integrationEvent.GetType()),
            ContentType = "application/json",
            Headers = new Dictionary<string, object?> { [MessageHeaders.Attempts] = attempts, [MessageHeaders.Error] = "the database was down" },
        };
        await channel.BasicPublishAsync("closetconnect.dead-letter", queue, mandatory: true, properties, EventSerializer.Serialize(integrationEvent), cancellationToken);
    }

    private static ParcelShipped Parcel(bool poison = false) => new(Guid.NewGuid(), poison) { OccurredAt = DateTimeOffset.UtcNow };

    private static async Task SaveEventAsync(IHost service, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BusTestDbContext>();
        db.AddIntegrationEvent(integrationEvent);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<OutboxMessage> OutboxRowAsync(IHost service, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BusTestDbContext>();
        return await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>An exclusive consumer on the test's queue, as soon as the service's consumer is gone from it.</summary>
    private Task<IChannel> TakeExclusivelyAsync(IConnection connection, CancellationToken cancellationToken) =>
        Eventually.UntilAsync($"an exclusive consumer of {Queue} (the service's consumer gone from it)", async () =>
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.BasicConsumeAsync(Queue, autoAck: false, consumerTag: "test-holder", noLocal: false, exclusive: true, arguments: null,
                    new AsyncEventingBasicConsumer(channel), cancellationToken);
                return channel;
            }
            catch
            {
                await channel.DisposeAsync();
                throw;
            }
        }, _ => true, cancellationToken, retryOn: ex => ex is RabbitMQ.Client.Exceptions.OperationInterruptedException);

    /// <summary>
    /// The messages in <paramref name="queue"/>, 0 while no one has declared it yet (the consumer declares its delay
    /// queues as it starts). Asking for an undeclared queue closes the channel, so each look has its own.
    /// </summary>
    private static async Task<uint> MessagesInAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return await channel.MessageCountAsync(queue, cancellationToken);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>What the relay did with an outbox row, as a failure message can show it.</summary>
    private static async Task<(DateTimeOffset? PublishedAt, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError)> PublishStateAsync(
        IHost service, Guid id, CancellationToken cancellationToken)
    {
        var row = await OutboxRowAsync(service, id, cancellationToken);
        return (row.PublishedAt, row.Attempts, row.NextAttemptAt, row.LastError);
    }

    private async Task<BasicGetResult> NextMessageAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return await Eventually.GetAsync($"a message in {queue}", () => channel.BasicGetAsync(queue, autoAck: true, cancellationToken), cancellationToken);
    }

    private static string? Header(BasicGetResult message, string name) =>
        message.BasicProperties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;

    private static async Task<string> CreateDatabaseAsync(string rootConnection, string name)
    {
        var builder = new MySqlConnectionStringBuilder(rootConnection) { Database = "" };
        await using (var connection = new MySqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"CREATE DATABASE IF NOT EXISTS {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        builder.Database = name;
        return builder.ConnectionString;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus;
using ClosetConnect.EventBus.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace ClosetConnect.IntegrationTests.EventBus;

/// <summary>A poison parcel's handler throws a <see cref="TimeoutException"/>, which EF Core's retry strategy counts as transient.</summary>
[EventName("test.parcel-shipped"), ConsumedBy(BusTestService.Consumer)]
public sealed record ParcelShipped(Guid ParcelId, bool Poison) : IntegrationEvent;

/// <summary>Consumed by two services: the second one may start after it was published.</summary>
[EventName("test.parcel-returned"), ConsumedBy(BusTestService.Consumer, BusTestService.AuditConsumer)]
public sealed record ParcelReturned(Guid ParcelId) : IntegrationEvent;

/// <summary>In no catalogue: nothing would ever receive it.</summary>
[EventName("test.parcel-lost")]
public sealed record ParcelLost(Guid ParcelId) : IntegrationEvent;

public sealed class ShippedParcel
{
    public long Id { get; set; }

    public Guid ParcelId { get; set; }
}

public sealed class BusTestDbContext(DbContextOptions<BusTestDbContext> options) : DbContext(options)
{
    public DbSet<ShippedParcel> ShippedParcels => Set<ShippedParcel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ShippedParcel>().HasIndex(p => p.ParcelId);
        modelBuilder.AddTransactionalMessaging();
    }
}

/// <summary>What a handler saw, and a gate a test can close to hold handlers mid-message.</summary>
public sealed class HandlerProbe
{
    private volatile TaskCompletionSource _gate = Open();

    private readonly ConcurrentDictionary<Guid, int> _failuresLeft = new();

    public ConcurrentQueue<HandledParcel> Calls { get; } = new();

    /// <summary>The next <paramref name="times"/> runs for the parcel fail, as if its database were briefly down.</summary>
    public void FailNext(Guid parcelId, int times) => _failuresLeft[parcelId] = times;

    public int CallsFor(Guid parcelId) => Calls.Count(call => call.ParcelId == parcelId);

    public Task WaitForAsync(Guid parcelId, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync($"the handler ran for parcel {parcelId}", () => CallsFor(parcelId) > 0, cancellationToken, timeout);

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task RecordAsync(Guid parcelId, CancellationToken cancellationToken)
    {
        Calls.Enqueue(new HandledParcel(parcelId, Activity.Current?.TraceId.ToString(), Activity.Current?.TraceStateString, Baggage.Current.GetBaggage("closet.test")));
        await _gate.Task.WaitAsync(cancellationToken);
        if (_failuresLeft.TryGetValue(parcelId, out var left) && left > 0 && _failuresLeft.TryUpdate(parcelId, left - 1, left))
        {
            throw new TimeoutException($"Parcel {parcelId} failed on purpose ({left - 1} failure(s) left).");
        }
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource();
        open.SetResult();
        return open;
    }
}

public sealed record HandledParcel(Guid ParcelId, string? TraceId, string? TraceState, string? Baggage);

/// <summary>Records the parcel in the same transaction as the inbox row; a poison parcel always fails.</summary>
public sealed class ParcelHandler(BusTestDbContext db, HandlerProbe probe) : IIntegrationEventHandler<ParcelShipped>, IIntegrationEventHandler<ParcelReturned>
{
    public async Task HandleAsync(ParcelShipped integrationEvent, CancellationToken cancellationToken)
    {
        await probe.RecordAsync(integrationEvent.ParcelId, cancellationToken);
        db.ShippedParcels.Add(new ShippedParcel { ParcelId = integrationEvent.ParcelId });
        await db.SaveChangesAsync(cancellationToken);
        if (integrationEvent.Poison)
        {
            throw new TimeoutException("This parcel can never be handled.");
        }
    }

    public Task HandleAsync(ParcelReturned integrationEvent, CancellationToken cancellationToken) =>
        probe.RecordAsync(integrationEvent.ParcelId, cancellationToken);
}

/// <summary>A minimal service built the way the real ones are: ServiceDefaults' bus, outbox and inbox on MariaDB.</summary>
public static class BusTestService
{
    public const string Consumer = "bus-test";
    public const string AuditConsumer = "bus-audit";

    /// <param name="queuePrefix">Every test's own queues, so no test sees another's messages.</param>
    /// <param name="handlesReturns">False for an older version of the service that has no handler for <see cref="ParcelReturned"/>.</param>
    public static async Task<IHost> StartAsync(
        string databaseConnection,
        string messagingConnection,
        string queuePrefix,
        int concurrency,
        CancellationToken cancellationToken,
        string consumer = Consumer,
        bool handlesReturns = true,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:busdb"] = databaseConnection,
            ["ConnectionStrings:messaging"] = messagingConnection,
            ["EventBus:ConsumerName"] = consumer,
            ["EventBus:QueuePrefix"] = queuePrefix,
            ["EventBus:ConsumerConcurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EventBus:PrefetchCount"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EventBus:MaxAttempts"] = "3",
            ["EventBus:RedeliveryDelays:0"] = "00:00:00.020",
            ["EventBus:PublishTimeout"] = "00:00:05",
            ["EventBus:OutboxPollInterval"] = "00:00:00.500",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddMySqlDbContext<BusTestDbContext>("busdb");
        var bus = builder.AddEventBus("messaging")
            .AddOutbox<BusTestDbContext>()
            .AddInbox<BusTestDbContext>();
        if (consumer == Consumer)
        {
            bus.AddSubscription<ParcelShipped, ParcelHandler>();
        }

        if (handlesReturns)
        {
            bus.AddSubscription<ParcelReturned, ParcelHandler>();
        }

        // The test's shared contracts: every one of its services knows both events, whatever it handles itself.
        builder.Services.Configure<ClosetConnect.EventBus.Topology.EventTopology>(topology =>
        {
            topology.Add(typeof(ParcelShipped));
            topology.Add(typeof(ParcelReturned));
        });

        builder.Services.AddSingleton<HandlerProbe>();

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BusTestDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        }

        await host.StartAsync(cancellationToken);
        return host;
    }
}

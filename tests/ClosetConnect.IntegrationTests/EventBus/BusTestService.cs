using System.Collections.Concurrent;
using ClosetConnect.ServiceDefaults.EventBus;
using ClosetConnect.ServiceDefaults.EventBus.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.IntegrationTests.EventBus;

[EventName("test.parcel-shipped")]
public sealed record ParcelShipped(Guid ParcelId, bool Poison) : IntegrationEvent;

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

/// <summary>What the handler saw: every call, so a test can count attempts and wait for an event.</summary>
public sealed class HandlerProbe
{
    public ConcurrentQueue<Guid> Calls { get; } = new();

    public int CallsFor(Guid parcelId) => Calls.Count(id => id == parcelId);

    public async Task WaitForAsync(Guid parcelId, int calls, CancellationToken cancellationToken)
    {
        while (CallsFor(parcelId) < calls)
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}

/// <summary>Records the parcel in the same transaction as the inbox row; a poison parcel always throws.</summary>
public sealed class ParcelShippedHandler(BusTestDbContext db, HandlerProbe probe) : IIntegrationEventHandler<ParcelShipped>
{
    public async Task HandleAsync(ParcelShipped integrationEvent, CancellationToken cancellationToken)
    {
        probe.Calls.Enqueue(integrationEvent.ParcelId);
        db.ShippedParcels.Add(new ShippedParcel { ParcelId = integrationEvent.ParcelId });
        await db.SaveChangesAsync(cancellationToken);
        if (integrationEvent.Poison)
        {
            throw new InvalidOperationException("This parcel can never be handled.");
        }
    }
}

/// <summary>A minimal service built the way the real ones are: ServiceDefaults' bus, outbox and inbox on MariaDB.</summary>
public static class BusTestService
{
    public static async Task<IHost> StartAsync(string databaseConnection, string messagingConnection, string queue, int concurrency, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:busdb"] = databaseConnection,
            ["ConnectionStrings:messaging"] = messagingConnection,
            ["EventBus:QueueName"] = queue,
            ["EventBus:ConsumerConcurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EventBus:PrefetchCount"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EventBus:RetryCount"] = "2",
            ["EventBus:RetryBaseDelay"] = "00:00:00.020",
            ["EventBus:OutboxPollInterval"] = "00:00:00.500",
        });
        builder.AddMySqlDbContext<BusTestDbContext>("busdb");
        builder.AddEventBus("messaging")
            .AddOutbox<BusTestDbContext>()
            .AddInbox<BusTestDbContext>()
            .AddSubscription<ParcelShipped, ParcelShippedHandler>();
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

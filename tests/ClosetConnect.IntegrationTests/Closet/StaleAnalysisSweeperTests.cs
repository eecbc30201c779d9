using ClosetConnect.Closet.Analysis;
using ClosetConnect.Closet.Data;
using ClosetConnect.Closet.Domain;
using ClosetConnect.Closet.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace ClosetConnect.IntegrationTests.Closet;

/// <summary>
/// Closet's real schema on MariaDB: an item whose analysis never arrives turns failed after the timeout, and its
/// owner's cached item list (Redis) is invalidated, though the sweep bypasses SaveChanges.
/// </summary>
[NonParallelizable]
[CancelAfter(120_000)]
public sealed class StaleAnalysisSweeperTests
{
    [Test]
    public async Task An_item_waiting_past_the_timeout_fails_with_a_reason_and_a_fresh_one_keeps_waiting(CancellationToken cancellationToken)
    {
        // A database of its own: the running system's Closet sweeps with the real clock and would race this one.
        using var state = new TemporaryState();
        var builder = DistributedApplicationTestingBuilder.Create(state.Argument);
        builder.AddMariaDB("mariadb").AddDatabase("closetdb");
        builder.AddRedis("cache");
        await using var servers = await builder.BuildAsync(cancellationToken);
        await servers.StartAsync(cancellationToken);
        await servers.WaitUntilHealthyAsync("closetdb", cancellationToken);
        await servers.WaitUntilHealthyAsync("cache", cancellationToken);

        var connectionString = await servers.GetConnectionStringAsync("closetdb", cancellationToken);
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await servers.GetConnectionStringAsync("cache", cancellationToken))!);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConnectionMultiplexer>(redis)
            .AddSingleton(Options.Create(new ItemListCacheOptions()))
            .AddSingleton<ItemListCache>()
            .AddSingleton<ItemListCacheInvalidation>()
            .AddDbContext<ClosetDbContext>(options => options.UseMySql(connectionString, ClosetConnect.Data.MariaDbVersion.Default))
            .BuildServiceProvider();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var details = new ItemDetails("Coat", null, null, null, null, null);
        var stale = ClosetItem.Upload(Guid.NewGuid(), Guid.NewGuid(), details, "items/a/b/original.png", "image/png", clock.GetUtcNow() - TimeSpan.FromMinutes(16));
        var fresh = ClosetItem.Upload(Guid.NewGuid(), Guid.NewGuid(), details, "items/a/c/original.png", "image/png", clock.GetUtcNow() - TimeSpan.FromMinutes(5));
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClosetDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            db.Items.AddRange(stale, fresh);
            await db.SaveChangesAsync(cancellationToken);
        }

        var sweeper = new StaleAnalysisSweeper(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new AnalysisOptions()), clock,
            NullLogger<StaleAnalysisSweeper>.Instance);
        Assert.That(await sweeper.SweepAsync(cancellationToken), Is.EqualTo(1));

        await using var check = services.CreateAsyncScope();
        var items = await check.ServiceProvider.GetRequiredService<ClosetDbContext>().Items.AsNoTracking().ToDictionaryAsync(i => i.Id, cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(items[stale.Id].Status, Is.EqualTo(ItemStatus.Failed));
            Assert.That(items[stale.Id].FailureReason, Is.EqualTo(StaleAnalysisSweeper.TimedOutReason));
            Assert.That(items[fresh.Id].Status, Is.EqualTo(ItemStatus.Processing));
            Assert.That((long)redis.GetDatabase().StringGet($"closet:items:{stale.UserId:N}"), Is.EqualTo(1), "the stale item's owner's list version moved on");
            Assert.That(redis.GetDatabase().KeyExists($"closet:items:{fresh.UserId:N}"), Is.False, "nothing changed for the other owner");
        });
    }
}

using System.Diagnostics;
using ClosetConnect.Closet.Infrastructure.Caching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClosetConnect.Closet.UnitTests;

/// <summary>With Redis unreachable the item list only gets slower: nothing the cache does fails a request.</summary>
public class ItemListCacheTests
{
    [Test]
    public async Task An_unreachable_Redis_reads_as_a_miss_and_writes_and_invalidations_are_dropped()
    {
        // Nothing listens on port 1; the multiplexer keeps trying in the background, as Aspire's does.
        await using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=100");
        var cache = new ItemListCache(redis, Options.Create(new ItemListCacheOptions()), NullLogger<ItemListCache>.Instance);
        var owner = Guid.NewGuid();

        var elapsed = Stopwatch.StartNew();
        var (json, version) = await cache.ReadAsync(owner, "view");
        cache.Store(owner, 1, "view", [1, 2, 3], TimeSpan.FromSeconds(30));
        await cache.InvalidateAsync([owner]);

        Assert.Multiple(() =>
        {
            Assert.That(json, Is.Null, "a miss: the page comes from the database");
            Assert.That(version, Is.Null, "no version: nothing is stored under a guess");
            Assert.That(elapsed.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "bounded by ItemListCache:Timeout, not Redis's own timeouts");
        });
    }
}

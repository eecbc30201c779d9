using StackExchange.Redis;

namespace ClosetConnect.Closet.Infrastructure.Caching;

/// <summary>
/// Pages of each owner's item list, as the JSON clients get, in the Redis every replica shares (<c>cache</c>). Each owner
/// has a version number; a page is stored under the version read before the database was, and every committed change
/// to the owner's items or listings increments it (<see cref="ItemListCacheInvalidation"/>), so a page read before a
/// commit is never served after it. Redis failing costs only speed: reads go to the database, and a bump that fails
/// leaves a stale page for at most <see cref="ItemListCacheOptions.Lifetime"/>.
/// </summary>
public sealed class ItemListCache(IConnectionMultiplexer redis, IOptions<ItemListCacheOptions> options, ILogger<ItemListCache> logger)
{
    // One round trip: the owner's version, and the page stored under it.
    private const string ReadScript = """
        local version = redis.call('GET', KEYS[1]) or '0'
        return { version, redis.call('GET', KEYS[1] .. ':' .. version .. ':' .. ARGV[1]) }
        """;

    private static readonly TimeSpan InvalidationTimeout = TimeSpan.FromSeconds(2);

    // Outlives every page stored under it, so an expired version never brings back an old page.
    private static readonly TimeSpan VersionLifetime = TimeSpan.FromDays(1);

    /// <summary>A cached page, or <c>null</c> with the version to store a fresh one under (<c>null</c> when Redis did not answer).</summary>
    public async Task<(byte[]? Json, long? Version)> ReadAsync(Guid ownerId, string view)
    {
        if (options.Value.Lifetime <= TimeSpan.Zero)
        {
            return (null, null);
        }

        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(ReadScript, [VersionKey(ownerId)], [view])
                .WaitAsync(options.Value.Timeout))!;
            return ((byte[]?)result[1], (long)result[0]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The item-list cache could not be read; reading the database");
            return (null, null);
        }
    }

    /// <summary>Stores a page read from the database under the version <see cref="ReadAsync"/> gave, for at most <paramref name="freshFor"/>.</summary>
    public void Store(Guid ownerId, long version, string view, byte[] json, TimeSpan freshFor)
    {
        var lifetime = freshFor < options.Value.Lifetime ? freshFor : options.Value.Lifetime;
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            // Fire and forget: the response does not wait for Redis, and a page not stored is only a miss later.
            redis.GetDatabase().StringSet($"{VersionKey(ownerId)}:{version}:{view}", json, lifetime, flags: CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "A page of the item list could not be cached");
        }
    }

    /// <summary>Makes every cached page of these owners unreachable: their versions move on.</summary>
    public async Task InvalidateAsync(IReadOnlyCollection<Guid> ownerIds)
    {
        if (ownerIds.Count == 0)
        {
            return;
        }

        try
        {
            var batch = redis.GetDatabase().CreateBatch();
            var bumps = ownerIds.SelectMany(id => new Task[]
            {
                batch.StringIncrementAsync(VersionKey(id)),
                batch.KeyExpireAsync(VersionKey(id), VersionLifetime),
            }).ToList();
            batch.Execute();
            // Longer than a read may wait: a bump that gives up early leaves pages stale, a slow one only a slow write.
            await Task.WhenAll(bumps).WaitAsync(InvalidationTimeout);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The item lists of {Owners} could not be invalidated; their cached pages expire within {Lifetime}",
                string.Join(", ", ownerIds), options.Value.Lifetime);
        }
    }

    private static RedisKey VersionKey(Guid ownerId) => $"closet:items:{ownerId:N}";
}

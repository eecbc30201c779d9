using System.Collections.Concurrent;

namespace ClosetConnect.TossSimulator.Idempotency;

/// <summary>Keys and their first answers, kept 15 days from first use on the simulator clock (Toss's lifetime).</summary>
public sealed class IdempotencyStore(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(15);

    private readonly ConcurrentDictionary<IdempotencyIdentity, Entry> entries = new();

    public IdempotencyClaim Claim(IdempotencyIdentity identity)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            var fresh = new Entry(now);
            var entry = entries.GetOrAdd(identity, fresh);
            if (ReferenceEquals(entry, fresh))
            {
                return new IdempotencyClaim(IdempotencyClaimKind.Run);
            }
            if (now - entry.FirstUsedAt >= Lifetime)
            {
                // Expired: the key is new again. Remove only this entry, in case another request just replaced it.
                entries.TryRemove(KeyValuePair.Create(identity, entry));
                continue;
            }
            return entry.Response is { } response
                ? new IdempotencyClaim(IdempotencyClaimKind.Replay, response)
                : new IdempotencyClaim(IdempotencyClaimKind.InProgress);
        }
    }

    public void Complete(IdempotencyIdentity identity, RecordedResponse response)
    {
        if (entries.TryGetValue(identity, out var entry))
        {
            entry.Response = response;
        }
    }

    /// <summary>The request failed without an answer (it threw, or the connection dropped first): the key may be used again.</summary>
    public void Abandon(IdempotencyIdentity identity) => entries.TryRemove(identity, out _);

    public void ForgetExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (identity, entry) in entries)
        {
            if (now - entry.FirstUsedAt >= Lifetime)
            {
                entries.TryRemove(KeyValuePair.Create(identity, entry));
            }
        }
    }

    private sealed class Entry(DateTimeOffset firstUsedAt)
    {
        public DateTimeOffset FirstUsedAt { get; } = firstUsedAt;

        public volatile RecordedResponse? Response;
    }
}

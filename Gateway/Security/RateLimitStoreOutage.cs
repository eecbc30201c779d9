using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using ClosetConnect.ServiceDefaults;

namespace ClosetConnect.Gateway.Security;

/// <summary>
/// Requests let through without a shared decision because Redis did not answer. Each one is counted
/// (<c>closetconnect.gateway.rate_limit.fail_open</c>, tagged with the policy), a warning says how many at the first and
/// then at most once a minute, and the gateway's health reads Degraded until a minute passes without one.
/// </summary>
public sealed partial class RateLimitStoreOutage(TimeProvider clock, ILogger<RateLimitStoreOutage> logger)
{
    public const string FailOpenMetric = "closetconnect.gateway.rate_limit.fail_open";

    private static readonly TimeSpan ReportInterval = TimeSpan.FromMinutes(1);

    private static readonly Counter<long> FailOpen = Instrumentation.Meter.CreateCounter<long>(
        FailOpenMetric, "{request}", "Requests let through without a rate-limit decision because Redis did not answer.");

    private readonly Lock gate = new();
    private DateTimeOffset? lastLetThrough;
    private DateTimeOffset? lastWarning;
    private long sinceLastWarning;

    /// <summary>Whether a request was let through unlimited within the last minute.</summary>
    public bool IsRecent
    {
        get
        {
            lock (gate)
            {
                return clock.GetUtcNow() - lastLetThrough < ReportInterval;
            }
        }
    }

    public RateLimitLease LetThrough(string policy, Exception? error)
    {
        FailOpen.Add(1, new KeyValuePair<string, object?>("policy", policy));
        var now = clock.GetUtcNow();
        long unreported = 0;
        lock (gate)
        {
            lastLetThrough = now;
            sinceLastWarning++;
            if (!(now - lastWarning < ReportInterval))
            {
                unreported = sinceLastWarning;
                sinceLastWarning = 0;
                lastWarning = now;
            }
        }

        if (unreported > 0)
        {
            LogLetThrough(logger, error, unreported, policy);
        }

        return UnlimitedLease.Instance;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Redis did not answer the rate limiter: {Count} request(s) let through unlimited since the last warning (now: {Policy}); limits are suspended until it answers")]
    private static partial void LogLetThrough(ILogger logger, Exception? error, long count, string policy);

    private sealed class UnlimitedLease : RateLimitLease
    {
        public static readonly UnlimitedLease Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.Gateway.Security;
using StackExchange.Redis;

namespace ClosetConnect.IntegrationTests.Security;

/// <summary>
/// Two gateway replicas against one real Redis (our hosting integration's redis-server): a client's allowance is the
/// configured one in total, whichever replica answers, and the counters expire; without Redis both replicas keep
/// serving, unlimited, and say so.
/// </summary>
[NonParallelizable]
[CancelAfter(120_000)]
public sealed class RateLimitsAcrossReplicasTests
{
    private const string Attacker = "10.77.0.1";
    private const string Bystander = "10.77.0.2";
    private TemporaryState state = null!;
    private DistributedApplication servers = null!;
    private string redisConnectionString = null!;
    private readonly List<GatewayReplica> replicas = [];

    [OneTimeSetUp]
    public async Task StartRedisAsync()
    {
        var cancellationToken = TestContext.CurrentContext.CancellationToken;
        state = new TemporaryState();
        var builder = DistributedApplicationTestingBuilder.Create(state.Argument);
        builder.AddRedis("cache");
        servers = await builder.BuildAsync(cancellationToken);
        await servers.StartAsync(cancellationToken);
        await servers.WaitUntilHealthyAsync("cache", cancellationToken);
        redisConnectionString = (await servers.GetConnectionStringAsync("cache", cancellationToken))!;
    }

    [SetUp]
    public async Task StartFromEmptyRedisAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{redisConnectionString},allowAdmin=true");
        await redis.GetServer(redis.GetEndPoints().Single()).FlushDatabaseAsync();
    }

    [TearDown]
    public async Task StopReplicasAsync()
    {
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
        replicas.Clear();
    }

    [OneTimeTearDown]
    public async Task StopRedisAsync()
    {
        await servers.DisposeAsync();
        state.Dispose();
    }

    [Test]
    public async Task Five_login_attempts_a_minute_is_the_total_across_replicas(CancellationToken cancellationToken)
    {
        var (first, second) = StartTwoReplicas(new Dictionary<string, string?> { ["RateLimiting:CredentialAttemptsPerMinute"] = "5" });
        using var onFirst = first.ClientFrom(Attacker);
        using var onSecond = second.ClientFrom(Attacker);

        var outcomes = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var response = await (attempt % 2 == 0 ? onFirst : onSecond).PostAsJsonAsync("/api/v1/auth/login", Guess(), cancellationToken);
            outcomes.Add(response.StatusCode);
        }

        Assert.That(outcomes.Take(5), Has.None.EqualTo(HttpStatusCode.TooManyRequests), string.Join(", ", outcomes));
        Assert.That(outcomes.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests),
            $"one window of 5 for both replicas together: {string.Join(", ", outcomes)}");

        using var refused = await onFirst.PostAsJsonAsync("/api/v1/auth/login", Guess(), cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), Is.InRange(50, 60),
                "Retry-After is when the minute's window ends");
        });
        using var other = await second.ClientFrom(Bystander).PostAsJsonAsync("/api/v1/auth/login", Guess(), cancellationToken);
        Assert.That(other.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests), "another client address has its own window");
        await AssertEveryCounterExpiresAsync(TimeSpan.FromSeconds(61));
    }

    [Test]
    public async Task A_login_window_is_not_reopened_by_spelling_the_path_in_another_case(CancellationToken cancellationToken)
    {
        var (first, _) = StartTwoReplicas(new Dictionary<string, string?>());
        using var client = first.ClientFrom(Attacker);
        string[] spellings = ["/api/v1/auth/login", "/API/v1/auth/login", "/api/V1/Auth/Login", "/Api/v1/auth/LOGIN", "/api/v1/AUTH/login", "/API/V1/AUTH/LOGIN"];

        var outcomes = new List<HttpStatusCode>();
        foreach (var path in spellings)
        {
            using var response = await client.PostAsJsonAsync(path, Guess(), cancellationToken);
            outcomes.Add(response.StatusCode);
        }

        Assert.That(outcomes[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), $"the sixth attempt, in any spelling: {string.Join(", ", outcomes)}");
    }

    [Test]
    public async Task The_burst_is_one_allowance_across_replicas(CancellationToken cancellationToken)
    {
        const int burst = 5;
        var (first, second) = StartTwoReplicas(new Dictionary<string, string?>
        {
            ["RateLimiting:Burst"] = burst.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:PermitsPerSecond"] = "1",
        });
        using var onFirst = first.ClientFrom(Attacker);
        using var onSecond = second.ClientFrom(Attacker);

        var elapsed = Stopwatch.StartNew();
        var outcomes = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var request = 0; request < 4 * burst; request++)
        {
            using var response = await (request % 2 == 0 ? onFirst : onSecond).GetAsync("/api/v1/no-such-route", cancellationToken);
            outcomes.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.ToString();
        }
        elapsed.Stop();

        // The bucket refills one token a second: a slow machine may see a few more pass, never a second burst.
        var refills = (int)elapsed.Elapsed.TotalSeconds;
        var passed = outcomes.Count(s => s == HttpStatusCode.NotFound);
        Assert.That(passed, Is.InRange(burst, burst + refills),
            $"{passed} of {outcomes.Count} passed in {elapsed.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", outcomes)}");
        Assert.That(outcomes, Is.All.EqualTo(HttpStatusCode.NotFound).Or.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(retryAfter, Is.EqualTo("1"), "a token comes back within the second");
        await AssertEveryCounterExpiresAsync(TimeSpan.FromSeconds(burst));
    }

    [Test]
    public async Task Without_redis_both_replicas_keep_serving_unlimited_and_report_degraded(CancellationToken cancellationToken)
    {
        var (first, second) = StartTwoReplicas(new Dictionary<string, string?> { ["RateLimiting:Burst"] = "1", ["RateLimiting:PermitsPerSecond"] = "1" });
        using var onFirst = first.ClientFrom(Attacker);
        using var onSecond = second.ClientFrom(Attacker);
        using (var allowed = await onFirst.GetAsync("/api/v1/no-such-route", cancellationToken))
        using (var limited = await onSecond.GetAsync("/api/v1/no-such-route", cancellationToken))
        {
            Assert.That((allowed.StatusCode, limited.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests)), "limits hold with Redis");
        }
        Assert.That(await onFirst.GetStringAsync("/health", cancellationToken), Is.EqualTo("Healthy"));

        using var letThrough = new FailOpenCounter();
        await servers.StopResourceAsync("cache", cancellationToken);
        try
        {
            await AssertBothServeUnlimitedAsync(onFirst, onSecond, letThrough, cancellationToken);
        }
        finally
        {
            await servers.StartResourceAsync("cache", cancellationToken);
        }
    }

    private static async Task AssertBothServeUnlimitedAsync(HttpClient onFirst, HttpClient onSecond, FailOpenCounter letThrough, CancellationToken cancellationToken)
    {
        foreach (var client in new[] { onFirst, onSecond })
        {
            await Eventually.HoldsAsync("the replica reporting degraded", async () =>
            {
                using var health = await client.GetAsync("/health", cancellationToken);
                return health.StatusCode == HttpStatusCode.OK && await health.Content.ReadAsStringAsync(cancellationToken) == "Degraded";
            }, cancellationToken, TimeSpan.FromSeconds(30));
        }

        var outcomes = new List<HttpStatusCode>();
        for (var request = 0; request < 6; request++)
        {
            using var response = await (request % 2 == 0 ? onFirst : onSecond).GetAsync("/api/v1/no-such-route", cancellationToken);
            outcomes.Add(response.StatusCode);
        }

        Assert.That(outcomes, Is.All.EqualTo(HttpStatusCode.NotFound), "the API stays up, unlimited");
        Assert.That(letThrough.Total, Is.GreaterThanOrEqualTo(6), $"{RateLimitStoreOutage.FailOpenMetric} counts each one");
        // The services behind these replicas do not run here (503 overall): the gateway's own entry is what counts.
        using var system = await onFirst.GetAsync("/api/v1/health", cancellationToken);
        var services = (await system.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("services");
        Assert.That(services.GetProperty("gateway").GetProperty("status").GetString(), Is.EqualTo("Degraded"));
    }

    private (GatewayReplica First, GatewayReplica Second) StartTwoReplicas(IReadOnlyDictionary<string, string?> settings)
    {
        replicas.Add(GatewayReplica.Start(redisConnectionString, settings));
        replicas.Add(GatewayReplica.Start(redisConnectionString, settings));
        return (replicas[0], replicas[1]);
    }

    // A different account each time (password spraying), so only the gateway's window stands in the way.
    private static object Guess() => new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = $"Wrong!{Guid.NewGuid():N}" };

    /// <summary>Every counter the limiter left in Redis expires, at most <paramref name="within"/> from now.</summary>
    private async Task AssertEveryCounterExpiresAsync(TimeSpan within)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var keys = server.Keys(pattern: "rl:*").ToList();
        Assert.That(keys, Is.Not.Empty, "the limiter keeps its counters in Redis");
        foreach (var key in keys)
        {
            var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(key);
            Assert.That(ttl, Is.Not.Null.And.LessThanOrEqualTo(within), $"{key} must expire");
        }
    }

    /// <summary>Sums the gateway's fail-open counter while it lives.</summary>
    private sealed class FailOpenCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long total;

        public FailOpenCounter()
        {
            listener.InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Name == RateLimitStoreOutage.FailOpenMetric)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
            listener.Start();
        }

        public long Total => Interlocked.Read(ref total);

        public void Dispose() => listener.Dispose();
    }
}

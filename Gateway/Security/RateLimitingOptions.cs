using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Gateway.Security;

/// <summary>Rate limits per client IP across every gateway replica (section <c>RateLimiting</c>).</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Sustained requests per second for the API in general.</summary>
    [Range(1, 10_000)]
    public int PermitsPerSecond { get; set; } = 10;

    /// <summary>Requests a client may send at once before the per-second rate applies.</summary>
    [Range(1, 10_000)]
    public int Burst { get; set; } = 20;

    /// <summary>Login, registration, code resend and password-reset requests per minute.</summary>
    [Range(1, 10_000)]
    public int CredentialAttemptsPerMinute { get; set; } = 5;

    /// <summary>Toss webhook deliveries per minute per sending address (Toss sends from a handful of IPs).</summary>
    [Range(1, 10_000)]
    public int WebhooksPerMinute { get; set; } = 120;

    /// <summary>
    /// How long a request waits for Redis's decision before it is let through unlimited (Redis answers in about a
    /// millisecond; a partition must not stall the API).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(1);
}

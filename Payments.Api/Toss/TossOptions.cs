using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Payments.Toss;

/// <summary>How Payments reaches Toss Payments: the real API outside Development, the local simulator in it.</summary>
public sealed class TossOptions : IValidatableObject
{
    public const string SectionName = "Toss";

    [Required]
    public Uri BaseAddress { get; set; } = new("https://api.tosspayments.com");

    /// <summary>The API-individual secret key (<c>test_sk_</c>/<c>live_sk_</c>); a secret.</summary>
    [Required]
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>The client key the browser SDK opens the payment window with (<c>test_ck_</c>/<c>live_ck_</c>); public.</summary>
    [Required]
    public string ClientKey { get; set; } = string.Empty;

    /// <summary>The simulator's payment window (Development only); the real Toss window is opened by its browser SDK.</summary>
    public Uri? WindowUrl { get; set; }

    /// <summary>One attempt at a Toss call; Toss asks merchants to allow several seconds for a confirm.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every attempt of one call together; after it the order waits for the reconciler.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:05:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SecretKey.Length > 0 && !SecretKey.StartsWith("test_sk_", StringComparison.Ordinal) && !SecretKey.StartsWith("live_sk_", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Toss:SecretKey must be an API-individual secret key (test_sk_… or live_sk_…).", [nameof(SecretKey)]);
        }

        if (ClientKey.Length > 0 && !ClientKey.StartsWith("test_ck_", StringComparison.Ordinal) && !ClientKey.StartsWith("live_ck_", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Toss:ClientKey must be an API-individual client key (test_ck_… or live_ck_…).", [nameof(ClientKey)]);
        }

        if (TotalTimeout < AttemptTimeout)
        {
            yield return new ValidationResult("Toss:TotalTimeout must be at least Toss:AttemptTimeout.", [nameof(TotalTimeout)]);
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.ServiceDefaults.Authentication;

/// <summary>How every API validates the access tokens Identity.Api issues (section <c>Identity</c>).</summary>
public sealed class TokenValidationSettings
{
    public const string SectionName = "Identity";

    [Required]
    public string Issuer { get; set; } = "closetconnect-identity";

    [Required]
    public string Audience { get; set; } = "closetconnect-api";

    /// <summary>Identity's key set, resolved through service discovery.</summary>
    [Required]
    public string JwksUrl { get; set; } = "http://identity-api/.well-known/jwks.json";

    /// <summary>
    /// How long this service trusts the JWKS it read: a signing key retired (e.g. in an emergency rotation) stops
    /// verifying here within this time. A token naming an unknown key makes it re-read at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Identity:JwksRefreshInterval must be between 1 second and 10 minutes.")]
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Allowed clock difference between Identity and this service.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

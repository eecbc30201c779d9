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

    /// <summary>Allowed clock difference between Identity and this service.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

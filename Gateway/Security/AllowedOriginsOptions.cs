namespace ClosetConnect.Gateway.Security;

/// <summary>Which browser origins may call the API (section <c>Cors</c>), per environment.</summary>
public sealed class AllowedOriginsOptions
{
    public const string SectionName = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}

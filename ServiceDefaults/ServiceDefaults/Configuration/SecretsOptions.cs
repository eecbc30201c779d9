namespace ClosetConnect.ServiceDefaults.Configuration;

/// <summary>
/// Section <c>Secrets</c>: where secret files are read from, and which configuration keys are secrets this service
/// cannot start without outside Development. Integrations add their connection strings (<c>ConnectionStrings:closetdb</c>);
/// a service lists its own in appsettings.json. A key ending in <c>:*</c> means "every value under this section, at least one".
/// </summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Secrets";

    /// <summary>A key-per-file directory such as a mounted Kubernetes Secret: file <c>FieldEncryption__Keys__k1</c> is key <c>FieldEncryption:Keys:k1</c>.</summary>
    public const string DefaultDirectory = "/run/secrets";

    public string Directory { get; set; } = DefaultDirectory;

    public List<string> Required { get; set; } = [];
}

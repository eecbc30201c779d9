namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>
/// One deployment environment: its overlay, namespace and public host, whether MariaDB, RabbitMQ and Redis run in the
/// cluster (Development, Staging) or are managed services reached through the Secret's connection strings (Production),
/// and settings every service of the environment gets.
/// </summary>
public sealed record PublishEnvironment(
    string Name,
    string Host,
    bool InClusterBackingServices,
    IReadOnlyDictionary<string, string> Settings)
{
    public static PublishEnvironment Development { get; } = new(
        "Development",
        "dev.closetconnect.example",
        InClusterBackingServices: true,
        // No SMTP in a development cluster: mails land in the pod's /tmp (kubectl exec ... ls /tmp/mail).
        new Dictionary<string, string> { ["Email__PickupDirectory"] = "/tmp/mail" });

    public static PublishEnvironment Staging { get; } = new("Staging", "staging.closetconnect.example", InClusterBackingServices: true, new Dictionary<string, string>());

    public static PublishEnvironment Production { get; } = new("Production", "closetconnect.example", InClusterBackingServices: false, new Dictionary<string, string>());

    public static IReadOnlyList<PublishEnvironment> All { get; } = [Development, Staging, Production];

    public string OverlayName => Name.ToLowerInvariant();

    public string Namespace => $"closetconnect-{OverlayName}";

    public bool IsProduction => Name == Production.Name;

    public static PublishEnvironment? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}

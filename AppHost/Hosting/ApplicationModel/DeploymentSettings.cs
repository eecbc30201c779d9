namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>
/// What a project needs in a cluster beyond what the local runner uses; the runner ignores it, <c>publish</c> turns it
/// into manifests (Aspire keeps such facts as annotations on the resource).
/// </summary>
public sealed class DeploymentSettings
{
    /// <summary>Replicas in Production; more than one also gets an autoscaler and a disruption budget.</summary>
    public int Replicas { get; internal set; } = 1;

    /// <summary>Reachable from outside the cluster (through the ingress controller).</summary>
    public bool IsExternal { get; internal set; }

    public int GpuCount { get; internal set; }

    /// <summary>Environment variables that come from the cluster's Secret (<c>secretKeyRef</c>), never from a ConfigMap.</summary>
    public ISet<string> SecretEnvironmentVariables { get; } = new SortedSet<string>(StringComparer.Ordinal);

    /// <summary>A Secret mounted as key-per-file configuration at <c>/run/secrets</c>: for key rings whose key names change.</summary>
    public string? SecretFilesName { get; internal set; }

    /// <summary>Ports the project calls outside the cluster (SMTP, a payment provider).</summary>
    public ISet<int> ExternalEgressPorts { get; } = new SortedSet<int>();

    /// <summary>Environment variables that name a shared folder, by variable name.</summary>
    public IDictionary<string, SharedFolder> SharedFolders { get; } = new SortedDictionary<string, SharedFolder>(StringComparer.Ordinal);
}

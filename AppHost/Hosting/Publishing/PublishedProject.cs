using ClosetConnect.AppHost.Hosting.Deployment;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>
/// What the manifests need of one project, read from Aspire's model: its references (relationships), replicas,
/// external endpoints, our deployment annotations, and the settings its environment callbacks give in publish mode.
/// </summary>
internal sealed record PublishedProject(
    string Name,
    int Replicas,
    bool IsExternal,
    int GpuCount,
    IReadOnlyList<string> ServiceReferences,
    IReadOnlyList<IResourceWithConnectionString> ConnectionStringReferences,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<SharedFolder> SharedFolders,
    IReadOnlyList<string> SecretEnvironmentVariables,
    string? SecretFilesName,
    IReadOnlyList<int> ExternalEgressPorts)
{
    // Settings Aspire itself gives every project (OTLP, forwarded headers): the manifests set the cluster's own.
    private static readonly string[] WiringPrefixes = ["OTEL_", "ASPNETCORE_", "DOTNET_", "HTTP_PORTS", "HTTPS_PORTS", "services__", "ConnectionStrings__"];

    public static async Task<PublishedProject> ReadAsync(ProjectResource project, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        var references = project.Annotations.OfType<ResourceRelationshipAnnotation>()
            .Where(r => r.Type == "Reference")
            .Select(r => r.Resource)
            .Distinct()
            .ToList();

        var environment = new EnvironmentCallbackContext(executionContext, project, cancellationToken: cancellationToken);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(environment);
        }
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var folders = new List<SharedFolder>();
        foreach (var (name, value) in environment.EnvironmentVariables)
        {
            if (WiringPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }
            switch (value)
            {
                case SharedFolder folder:
                    settings[name] = folder.ContainerPath;
                    folders.Add(folder);
                    break;
                case string text:
                    settings[name] = text;
                    break;
                default:
                    // Endpoints, connection strings, ports: references, which the manifests resolve in the cluster's own way.
                    break;
            }
        }

        return new PublishedProject(
            project.Name,
            project.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1,
            project.Annotations.OfType<EndpointAnnotation>().Any(e => e.IsExternal),
            project.Annotations.OfType<GpuAnnotation>().LastOrDefault()?.Count ?? 0,
            [.. references.OfType<IResourceWithServiceDiscovery>().Select(r => r.Name)],
            [.. references.OfType<IResourceWithConnectionString>()],
            settings,
            [.. folders.DistinctBy(f => f.Name)],
            [.. project.Annotations.OfType<SecretEnvironmentAnnotation>().Select(a => a.Variable).Distinct().Order(StringComparer.Ordinal)],
            project.Annotations.OfType<SecretFilesAnnotation>().LastOrDefault()?.SecretName,
            [.. project.Annotations.OfType<ExternalEgressAnnotation>().Select(a => a.Port).Distinct().Order()]);
    }

    public string Component => IsExternal ? "gateway" : GpuCount > 0 ? "worker" : "api";

    public bool IsAutoscaled => Replicas > 1;

    /// <summary>Whether this project talks to <paramref name="server"/> or one of its databases.</summary>
    public bool Uses(IResource server) =>
        ConnectionStringReferences.Any(r => r == server || (r is IResourceWithParent child && child.Parent == server));
}

namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>A .NET service launched as <c>dotnet TargetPath</c>, restarted with backoff when it crashes.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery
{
    public override string ResourceType => "Project";

    public IProjectMetadata Metadata { get; } = metadata;

    public EndpointAnnotation HttpEndpoint { get; } = new("http", "http");

    public IReadOnlyList<EndpointAnnotation> Endpoints => [HttpEndpoint];

    public IList<IResourceWithConnectionString> ConnectionStringReferences { get; } = [];

    public IList<IResourceWithServiceDiscovery> ServiceReferences { get; } = [];

    public IDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>OpenTelemetry's <c>service.instance.id</c>: one per resource for the lifetime of the AppHost.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString();

    /// <summary>Replicas, public ingress, GPU, secrets: what <c>publish</c> needs besides the runner's model.</summary>
    public DeploymentSettings Deployment { get; } = new();

    /// <summary>The readiness probe path, as the service defaults map it.</summary>
    public string HealthCheckPath { get; internal set; } = "/health";
}

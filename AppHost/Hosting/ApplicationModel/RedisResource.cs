namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>A Redis server (<c>redis-server</c>) with a password, append-only persistence and a private data directory.</summary>
public sealed class RedisResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints
{
    public override string ResourceType => "Redis";

    public EndpointAnnotation PrimaryEndpoint { get; } = new("tcp", "redis");

    public IReadOnlyList<EndpointAnnotation> Endpoints => [PrimaryEndpoint];

    public ParameterResource Password { get; } = new($"{name}-password");

    public string GetConnectionString() =>
        $"{EndpointAnnotation.Host}:{PrimaryEndpoint.RequiredPort},password={Password.RequiredValue}";
}

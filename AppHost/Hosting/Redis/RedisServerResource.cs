namespace ClosetConnect.AppHost.Hosting.Redis;

/// <summary>A Redis server: this machine's <c>redis-server</c> with a password, append-only persistence and a private data directory.</summary>
public sealed class RedisServerResource(string name, string command, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Holds the password, so it is a file (mode 600) and not an argument anyone can read in <c>ps</c>.</summary>
    internal string ConfigFile => Path.Combine(DataDirectory, "redis.conf");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)},password={PasswordParameter}");
}

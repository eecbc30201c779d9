namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>A MariaDB server (<c>mariadbd</c>) with a private data directory. Its connection string logs in as root.</summary>
public sealed class MariaDbServerResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints
{
    private readonly List<MariaDbDatabaseResource> databases = [];

    public override string ResourceType => "MariaDB";

    public EndpointAnnotation PrimaryEndpoint { get; } = new("tcp", "tcp");

    public IReadOnlyList<EndpointAnnotation> Endpoints => [PrimaryEndpoint];

    public ParameterResource RootPassword { get; } = new($"{name}-password");

    public IReadOnlyList<MariaDbDatabaseResource> Databases => databases;

    public string GetConnectionString() =>
        $"Server={EndpointAnnotation.Host};Port={PrimaryEndpoint.RequiredPort};User ID=root;Password={RootPassword.RequiredValue}";

    internal void AddDatabase(MariaDbDatabaseResource database) => databases.Add(database);
}

namespace ClosetConnect.AppHost.Hosting.MariaDb;

/// <summary>
/// A MariaDB server: this machine's <c>mariadbd</c> on a private data directory and socket. Its connection string
/// logs in as root (for backups and tools); services get a <see cref="MariaDbDatabaseResource"/> each.
/// </summary>
public sealed class MariaDbServerResource(string name, string command, string dataDirectory, ParameterResource rootPassword)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    // A Unix socket path has a hard length limit (108 bytes); a deep state directory falls back to /tmp.
    private const int MaxSocketPathLength = 100;

    private readonly List<MariaDbDatabaseResource> databases = [];

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    public ParameterResource RootPasswordParameter { get; } = rootPassword;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Root logs in here without a password (socket authentication as the user who runs the AppHost).</summary>
    public string SocketPath => Path.Combine(DataDirectory, "mariadb.sock") is { Length: <= MaxSocketPathLength } socket
        ? socket
        : Path.Combine(Path.GetTempPath(), $"closetconnect-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DataDirectory)))[..16]}.sock");

    /// <summary>Idempotent SQL the server runs before it accepts connections; deleted once the server is ready.</summary>
    internal string InitFile => Path.Combine(DataDirectory, "init.sql");

    public IReadOnlyList<MariaDbDatabaseResource> Databases => databases;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Server={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};User ID=root;Password={RootPasswordParameter}");

    internal void AddDatabase(MariaDbDatabaseResource database) => databases.Add(database);
}

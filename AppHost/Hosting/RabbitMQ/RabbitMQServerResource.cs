namespace ClosetConnect.AppHost.Hosting.RabbitMQ;

/// <summary>
/// A RabbitMQ broker: this machine's <c>rabbitmq-server</c> with a private node, data directory, Erlang cookie
/// (private HOME) and epmd, and a non-guest user with a generated password.
/// </summary>
public sealed class RabbitMQServerResource(string name, string command, string dataDirectory, ParameterResource password, EpmdResource epmd)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    public string UserName => Name;

    public ParameterResource PasswordParameter { get; } = password;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The node's private HOME: its Erlang cookie, which <c>rabbitmqctl</c> needs too.</summary>
    public string HomeDirectory => Path.Combine(DataDirectory, "home");

    public string NodeName => $"{Name}@localhost";

    /// <summary>The port-mapper daemon the node registers with (rabbitmqctl finds the node through it).</summary>
    public EpmdResource Epmd { get; } = epmd;

    /// <summary>Erlang distribution, chosen once per run: RabbitMQ's default (AMQP port + 20000) can pass 65535.</summary>
    public int DistributionPort { get; } = Servers.FreePorts.Next();

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}/");
}

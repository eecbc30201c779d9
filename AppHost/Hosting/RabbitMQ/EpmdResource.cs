namespace ClosetConnect.AppHost.Hosting.RabbitMQ;

/// <summary>
/// Erlang's port mapper for one broker, run in the foreground so DCP owns it: left to itself, RabbitMQ would start
/// <c>epmd -daemon</c>, which escapes every process tree and outlives the AppHost.
/// </summary>
public sealed class EpmdResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    internal const string EndpointName = "tcp";

    public EndpointReference Endpoint => field ??= new(this, EndpointName);

    /// <summary>Fixed for the run and not proxied: Erlang nodes and tools dial it directly.</summary>
    public int Port { get; } = Servers.FreePorts.Next();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Orchestration;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>
/// Runs RabbitMQ as the current user through <c>/usr/lib/rabbitmq/bin/rabbitmq-server</c> (the /usr/sbin wrapper
/// switches to the rabbitmq user, who cannot write private folders), with its own node, folders, config, Erlang
/// cookie (private HOME), distribution port and epmd port, all on 127.0.0.1. The epmd it starts daemonises out of
/// reach of the process group, so it is recorded and stopped by port.
/// </summary>
internal sealed class RabbitMQServerLauncher(RabbitMQServerResource broker, LauncherContext context) : IResourceLauncher
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public bool RestartOnCrash => false;

    private string DataDirectory => context.State.DataDirectory(broker.Name);

    public async Task<ChildProcessSpec?> PrepareAsync(CancellationToken cancellationToken)
    {
        var mnesia = CreateFolder("mnesia");
        var logs = CreateFolder("log");
        var home = CreateFolder("home");
        var configFile = Path.Combine(DataDirectory, "rabbitmq.conf");
        var pluginsFile = Path.Combine(DataDirectory, "enabled_plugins");
        var environmentFile = Path.Combine(DataDirectory, "rabbitmq-env.conf");

        await OwnerOnlyFile.WriteAllTextAsync(configFile, Config(), cancellationToken);
        await File.WriteAllTextAsync(pluginsFile, "[].\n", cancellationToken);
        // An empty env file of our own keeps /etc/rabbitmq/rabbitmq-env.conf out.
        await File.WriteAllTextAsync(environmentFile, string.Empty, cancellationToken);

        await EnsureDataMatchesCredentialsAsync(mnesia, cancellationToken);

        var epmdPort = broker.EpmdEndpoint.RequiredPort;
        context.Registry.AddEpmd(broker.Name, epmdPort);

        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["RABBITMQ_NODENAME"] = $"{broker.Name}@localhost",
            ["RABBITMQ_NODE_PORT"] = Port(broker.PrimaryEndpoint),
            ["RABBITMQ_DIST_PORT"] = Port(broker.DistributionEndpoint),
            ["ERL_EPMD_PORT"] = Port(broker.EpmdEndpoint),
            ["ERL_EPMD_ADDRESS"] = EndpointAnnotation.Host,
            ["RABBITMQ_MNESIA_BASE"] = mnesia,
            ["RABBITMQ_LOG_BASE"] = logs,
            // Logs to stdout, which goes to logs/{resource}.log and the console like every resource's output.
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_CONFIG_FILE"] = configFile,
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(DataDirectory, "advanced.config"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = pluginsFile,
            ["RABBITMQ_CONF_ENV_FILE"] = environmentFile,
            ["RABBITMQ_PID_FILE"] = Path.Combine(context.State.RunDirectory, $"{broker.Name}.pid"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        };
        if (!File.Exists(ServerScript))
        {
            throw new DistributedApplicationException(
                $"{ServerScript} was not found: apt-get install rabbitmq-server (./run.sh and ./test.sh install it when run as root).");
        }
        return new ChildProcessSpec(ServerScript, [], DataDirectory, environment);
    }

    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(broker.GetConnectionString()),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "apphost-health-check",
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
            return true;
        }
        catch (BrokerUnreachableException)
        {
            return false;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    public async Task OnStoppedAsync(CancellationToken cancellationToken)
    {
        var port = broker.EpmdEndpoint.RequiredPort;
        await Epmd.StopAsync(port, cancellationToken);
        context.Registry.RemoveEpmd(port);
    }

    /// <summary>
    /// default_user/default_pass apply on the node's first boot only: data made with another password (parameters.json
    /// deleted, data kept) would never let the readiness check in. Say so instead of waiting forever.
    /// </summary>
    private async Task EnsureDataMatchesCredentialsAsync(string mnesia, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(DataDirectory, "credentials.sha256");
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{broker.UserName}:{broker.Password.RequiredValue}")));
        var nodeData = Path.Combine(mnesia, $"{broker.Name}@localhost");
        if (Directory.Exists(nodeData) && File.Exists(marker) && (await File.ReadAllTextAsync(marker, cancellationToken)).Trim() != fingerprint)
        {
            throw new DistributedApplicationException(
                $"The RabbitMQ data in {nodeData} was created with other credentials than those in parameters.json; delete {DataDirectory} to start it afresh.");
        }
        await File.WriteAllTextAsync(marker, fingerprint, cancellationToken);
    }

    /// <summary>default_user/default_pass create the user on the node's first boot; the guest user is never created.</summary>
    private string Config() =>
        $"""
        listeners.tcp.default = {EndpointAnnotation.Host}:{Port(broker.PrimaryEndpoint)}
        default_user = {broker.UserName}
        default_pass = {broker.Password.RequiredValue}
        default_vhost = /
        default_permissions.configure = .*
        default_permissions.read = .*
        default_permissions.write = .*
        loopback_users = none

        """;

    private string CreateFolder(string name) => Directory.CreateDirectory(Path.Combine(DataDirectory, name)).FullName;

    private static string Port(EndpointAnnotation endpoint) => endpoint.RequiredPort.ToString(CultureInfo.InvariantCulture);
}

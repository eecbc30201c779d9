using System.Globalization;
using System.Net.Sockets;
using ClosetConnect.AppHost.Hosting.Publishing;
using ClosetConnect.AppHost.Hosting.RabbitMQ;
using ClosetConnect.AppHost.Hosting.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace ClosetConnect.AppHost.Hosting;

public static class RabbitMQBuilderExtensions
{
    private const string Package = "rabbitmq-server";

    // The /usr/sbin wrapper switches to the rabbitmq user, who cannot write private folders.
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>
    /// A RabbitMQ broker from this machine's packages, its data in <c>{state}/data/{name}</c>, with a user named after
    /// the resource and a generated password (<c>{name}-password</c>). Connection string: <c>amqp://user:password@host:port/</c>.
    /// A configured <c>ConnectionStrings:{name}</c> replaces it with that existing broker.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddRabbitMQ(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        if (ExternalServer.IsConfigured(builder, name))
        {
            return builder.AddConnectionString(name);
        }

        var dataDirectory = builder.ServerDataPath(name);
        var epmd = builder.AddEpmd($"{name}-epmd", dataDirectory);
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var broker = new RabbitMQServerResource(name, ServerScript, dataDirectory, password, epmd.Resource);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(broker, (_, cancellationToken) => PrepareAsync(broker, cancellationToken));

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(broker, async (_, cancellationToken) =>
            connectionString = await broker.ConnectionStringExpression.GetValueAsync(cancellationToken));
        IConnection? healthConnection = null;
        var healthCheckKey = $"{name}_check";
        // One connection, recovered by the client after a broker restart, as Aspire's own RabbitMQ integration does.
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ => healthConnection ??= await new ConnectionFactory
        {
            Uri = new Uri(connectionString ?? throw new InvalidOperationException($"The connection string of {name} is not available yet.")),
            ClientProvidedName = "apphost-health-check",
        }.CreateConnectionAsync(), name: healthCheckKey);

        var brokerBuilder = builder.AddResource(broker);
        epmd.WithParentRelationship(brokerBuilder);
        return brokerBuilder
            .WithEndpoint(name: RabbitMQServerResource.PrimaryEndpointName, scheme: "tcp")
            .WithEnvironment(context =>
            {
                var files = new RabbitMQFiles(broker.DataDirectory);
                context.EnvironmentVariables["HOME"] = broker.HomeDirectory;
                context.EnvironmentVariables["RABBITMQ_NODENAME"] = broker.NodeName;
                context.EnvironmentVariables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["RABBITMQ_NODE_PORT"] = broker.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                context.EnvironmentVariables["RABBITMQ_DIST_PORT"] = broker.DistributionPort.ToString(CultureInfo.InvariantCulture);
                context.EnvironmentVariables["ERL_EPMD_PORT"] = broker.Epmd.Port.ToString(CultureInfo.InvariantCulture);
                context.EnvironmentVariables["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["RABBITMQ_MNESIA_BASE"] = files.Mnesia;
                context.EnvironmentVariables["RABBITMQ_LOG_BASE"] = files.Logs;
                // Logs go to stdout: the dashboard's console log of the resource.
                context.EnvironmentVariables["RABBITMQ_LOGS"] = "-";
                context.EnvironmentVariables["RABBITMQ_CONFIG_FILE"] = files.Config;
                context.EnvironmentVariables["RABBITMQ_ADVANCED_CONFIG_FILE"] = files.AdvancedConfig;
                context.EnvironmentVariables["RABBITMQ_ENABLED_PLUGINS_FILE"] = files.EnabledPlugins;
                context.EnvironmentVariables["RABBITMQ_CONF_ENV_FILE"] = files.EnvironmentFile;
                context.EnvironmentVariables["RABBITMQ_PID_FILE"] = files.PidFile;
                // The epmd resource is the node's port mapper; the VM must not start a daemon of its own.
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false";
                // The script then execs the VM instead of waiting on it, so DCP's signals reach the broker itself.
                context.EnvironmentVariables["RUNNING_UNDER_SYSTEMD"] = "true";
            })
            .WithHealthCheck(healthCheckKey)
            .WaitFor(epmd)
            .WithIconName("Mailbox")
            .WithAnnotation(new ClusterServerAnnotation(RabbitMQClusterManifests.Port, cluster => RabbitMQClusterManifests.Files(broker, cluster)));
    }

    public const string ReplayDeadLettersCommandName = "replay-dead-letters";

    /// <summary>
    /// A "Replay dead letters" command on the dashboard: every project's dead-letter queue goes back to its queue, for
    /// messages that failed for a reason now fixed (a bug deployed away, a database that was down too long).
    /// </summary>
    public static IResourceBuilder<T> WithDeadLetterReplay<T>(this IResourceBuilder<T> messaging) where T : IResourceWithConnectionString
    {
        var builder = messaging.ApplicationBuilder;
        return messaging.WithCommand(ReplayDeadLettersCommandName, "Replay dead letters", async context =>
        {
            var connectionString = await messaging.Resource.ConnectionStringExpression.GetValueAsync(context.CancellationToken)
                ?? throw new InvalidOperationException($"{messaging.Resource.Name} has no connection string yet.");
            var moved = await DeadLetterReplay.ReplayAsync(
                connectionString, builder.Resources.OfType<ProjectResource>().Select(project => project.Name), context.CancellationToken);
            return CommandResults.Success($"{moved} dead-lettered message(s) sent back to their queues.");
        }, new CommandOptions
        {
            Description = "Send every message in the services' dead-letter queues back to their queues, with fresh attempts.",
            IconName = "ArrowRepeatAll",
            UpdateState = context => context.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });
    }

    private static IResourceBuilder<EpmdResource> AddEpmd(this IDistributedApplicationBuilder builder, string name, string workingDirectory)
    {
        var epmd = new EpmdResource(name, ServerBinary.Locate("epmd"), workingDirectory);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheckKey, async cancellationToken =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", epmd.Port, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException ex)
            {
                return HealthCheckResult.Unhealthy($"epmd does not listen on {epmd.Port} yet.", ex);
            }
        });
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(epmd, (_, _) =>
        {
            ServerBinary.EnsureInstalled(epmd.Command, "erlang-base (a dependency of rabbitmq-server)");
            return Task.CompletedTask;
        });
        return builder.AddResource(epmd)
            .WithEndpoint(name: EpmdResource.EndpointName, scheme: "tcp", port: epmd.Port, targetPort: epmd.Port, isProxied: false)
            .WithArgs("-port", epmd.Port.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1")
            .WithHealthCheck(healthCheckKey)
            .WithIconName("PlugConnected");
    }

    /// <summary>
    /// Writes the configuration files. The user, its password and its rights are definitions the node imports at every
    /// boot, so a broker whose data outlived its password (user secrets reset) takes the current one, as MariaDB and
    /// Redis do; the file holds a salted hash, never the password.
    /// </summary>
    private static async Task PrepareAsync(RabbitMQServerResource broker, CancellationToken cancellationToken)
    {
        ServerBinary.EnsureInstalled(ServerScript, Package);
        var files = new RabbitMQFiles(broker.DataDirectory);
        Directory.CreateDirectory(broker.HomeDirectory);
        Directory.CreateDirectory(files.Mnesia);
        Directory.CreateDirectory(files.Logs);
        var password = await broker.PasswordParameter.GetValueAsync(cancellationToken) ?? string.Empty;
        await OwnerOnlyFile.WriteAllTextAsync(files.Definitions, RabbitMQDefinitions.Create(broker.UserName, password), cancellationToken);
        await OwnerOnlyFile.WriteAllTextAsync(files.Config, $"""
            load_definitions = {files.Definitions}
            loopback_users = none

            """, cancellationToken);
        await File.WriteAllTextAsync(files.EnabledPlugins, "[].\n", cancellationToken);
        // An empty env file of our own keeps /etc/rabbitmq/rabbitmq-env.conf out.
        await File.WriteAllTextAsync(files.EnvironmentFile, string.Empty, cancellationToken);
    }

    private sealed record RabbitMQFiles(string DataDirectory)
    {
        public string Mnesia => Path.Combine(DataDirectory, "mnesia");

        public string Logs => Path.Combine(DataDirectory, "log");

        public string Config => Path.Combine(DataDirectory, "rabbitmq.conf");

        public string AdvancedConfig => Path.Combine(DataDirectory, "advanced.config");

        public string EnabledPlugins => Path.Combine(DataDirectory, "enabled_plugins");

        public string EnvironmentFile => Path.Combine(DataDirectory, "rabbitmq-env.conf");

        public string PidFile => Path.Combine(DataDirectory, "rabbitmq.pid");

        public string Definitions => Path.Combine(DataDirectory, "definitions.json");
    }
}

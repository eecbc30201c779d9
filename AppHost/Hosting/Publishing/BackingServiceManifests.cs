using System.Globalization;
using System.Text;
using ClosetConnect.AppHost.Hosting.MariaDb;
using ClosetConnect.AppHost.Hosting.RabbitMQ;
using ClosetConnect.AppHost.Hosting.Redis;
using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>
/// MariaDB, RabbitMQ and Redis as StatefulSets with persistent volumes, for the environments that run them in the
/// cluster (a kustomize component). Passwords come from the Secret under the model's parameter names
/// (<c>mariadb-password</c>, <c>identitydb-password</c>, ...); only the projects that reference a server may reach it.
/// </summary>
internal sealed class BackingServiceManifests(PublishedModel model)
{
    /// <summary>The images' own non-root users (mysql, rabbitmq, redis are uid 999 in the Debian-based images).</summary>
    private const long ImageUserId = 999;

    public IEnumerable<ManifestFile> Files()
    {
        foreach (var server in model.MariaDbServers)
        {
            yield return new($"{server.Name}/configmap.yaml", MariaDbInitScript(server));
            yield return new($"{server.Name}/statefulset.yaml", MariaDb(server));
            yield return new($"{server.Name}/service.yaml", HeadlessService(server.Name, BackingServicePorts.MariaDb));
            yield return new($"{server.Name}/networkpolicy.yaml", Policy(server.Name, BackingServicePorts.MariaDb, ClientsOf(server)));
            var backup = new MariaDbBackupJob(server);
            yield return new($"{backup.Name}/cronjob.yaml", backup.CronJob());
            yield return new($"{backup.Name}/persistentvolumeclaim.yaml", backup.Claim());
            yield return new($"{backup.Name}/networkpolicy.yaml", backup.Policy());
        }
        foreach (var broker in model.Brokers)
        {
            yield return new($"{broker.Name}/statefulset.yaml", RabbitMQ(broker));
            yield return new($"{broker.Name}/service.yaml", HeadlessService(broker.Name, BackingServicePorts.Amqp));
            yield return new($"{broker.Name}/networkpolicy.yaml", Policy(broker.Name, BackingServicePorts.Amqp, ClientsOf(broker)));
        }
        foreach (var redis in model.RedisServers)
        {
            yield return new($"{redis.Name}/statefulset.yaml", Redis(redis));
            yield return new($"{redis.Name}/service.yaml", HeadlessService(redis.Name, BackingServicePorts.Redis));
            yield return new($"{redis.Name}/networkpolicy.yaml", Policy(redis.Name, BackingServicePorts.Redis, ClientsOf(redis)));
        }
    }

    /// <summary>Runs once on an empty data directory: one database and one user per database resource, as the local runner does.</summary>
    private static V1ConfigMap MariaDbInitScript(MariaDbServerResource server)
    {
        var sql = new StringBuilder();
        foreach (var database in server.Databases)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"CREATE DATABASE IF NOT EXISTS `{database.DatabaseName}`;");
            sql.AppendLine(CultureInfo.InvariantCulture, $"CREATE USER IF NOT EXISTS '{database.UserName}'@'%' IDENTIFIED BY '${{{PasswordVariable(database.Name)}}}';");
            sql.AppendLine(CultureInfo.InvariantCulture, $"GRANT ALL PRIVILEGES ON `{database.DatabaseName}`.* TO '{database.UserName}'@'%';");
        }
        var script = $"""
            # Sourced by the image's entrypoint on first start (docker-entrypoint-initdb.d); passwords come from the Secret.
            docker_process_sql <<SQL
            {sql.ToString().TrimEnd().Replace("`", "\\`", StringComparison.Ordinal)}
            SQL

            """;
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = Metadata($"{server.Name}-init", server.Name),
            Data = new Dictionary<string, string> { ["init-databases.sh"] = script },
        };
    }

    private static V1StatefulSet MariaDb(MariaDbServerResource server)
    {
        List<V1EnvVar> environment =
        [
            PodHardening.SecretReference("MARIADB_ROOT_PASSWORD", server.RootPasswordParameter.Name),
            .. server.Databases.Select(d => PodHardening.SecretReference(PasswordVariable(d.Name), d.PasswordParameter.Name)),
        ];
        var container = ServerContainer(server.Name, "mariadb:10.11", BackingServicePorts.MariaDb, environment);
        container.Args = ["--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--skip-name-resolve", "--log-bin=mysql-bin", "--binlog-format=ROW"];
        container.ReadinessProbe = new V1Probe
        {
            Exec = new V1ExecAction { Command = ["healthcheck.sh", "--connect", "--innodb_initialized"] },
            PeriodSeconds = 10,
            TimeoutSeconds = 5,
        };
        container.VolumeMounts =
        [
            new V1VolumeMount { Name = "data", MountPath = "/var/lib/mysql" },
            new V1VolumeMount { Name = "run", MountPath = "/run/mysqld" },
            new V1VolumeMount { Name = "init", MountPath = "/docker-entrypoint-initdb.d", ReadOnlyProperty = true },
            PodHardening.TempMount(),
        ];
        return StatefulSet(server.Name, container,
        [
            new V1Volume { Name = "run", EmptyDir = new V1EmptyDirVolumeSource() },
            new V1Volume { Name = "init", ConfigMap = new V1ConfigMapVolumeSource { Name = $"{server.Name}-init" } },
        ], "20Gi");
    }

    private static V1StatefulSet RabbitMQ(RabbitMQServerResource broker)
    {
        var container = ServerContainer(broker.Name, "rabbitmq:3.13", BackingServicePorts.Amqp,
        [
            new V1EnvVar { Name = "RABBITMQ_DEFAULT_USER", Value = broker.UserName },
            PodHardening.SecretReference("RABBITMQ_DEFAULT_PASS", broker.PasswordParameter.Name),
        ]);
        container.ReadinessProbe = new V1Probe
        {
            Exec = new V1ExecAction { Command = ["rabbitmq-diagnostics", "-q", "check_port_connectivity"] },
            PeriodSeconds = 15,
            TimeoutSeconds = 10,
        };
        container.VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = "/var/lib/rabbitmq" }, PodHardening.TempMount()];
        return StatefulSet(broker.Name, container, [], "10Gi");
    }

    private static V1StatefulSet Redis(RedisServerResource redis)
    {
        var container = ServerContainer(redis.Name, "redis:7.2", BackingServicePorts.Redis,
            [PodHardening.SecretReference("REDIS_PASSWORD", redis.PasswordParameter.Name)]);
        container.Args = ["--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes", "--dir", "/data"];
        container.ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "tcp" }, PeriodSeconds = 10 };
        container.VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = "/data" }, PodHardening.TempMount()];
        return StatefulSet(redis.Name, container, [], "5Gi");
    }

    private static V1Container ServerContainer(string name, string image, int port, List<V1EnvVar> environment) => new()
    {
        Name = name,
        Image = image,
        ImagePullPolicy = "IfNotPresent",
        Ports = [new V1ContainerPort { Name = "tcp", ContainerPort = port, Protocol = "TCP" }],
        Env = environment,
        Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("512Mi") },
            Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1"), ["memory"] = new("2Gi") },
        },
        StartupProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "tcp" }, PeriodSeconds = 5, FailureThreshold = 60 },
        LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "tcp" }, PeriodSeconds = 20, FailureThreshold = 3 },
        SecurityContext = PodHardening.ContainerSecurity(),
    };

    private static V1StatefulSet StatefulSet(string name, V1Container container, List<V1Volume> volumes, string storage) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "StatefulSet",
        Metadata = Metadata(name, name),
        Spec = new V1StatefulSetSpec
        {
            ServiceName = name,
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = ClusterConventions.Selector(name) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = ClusterConventions.Labels(name, "server") },
                Spec = new V1PodSpec
                {
                    AutomountServiceAccountToken = false,
                    EnableServiceLinks = false,
                    TerminationGracePeriodSeconds = 60,
                    SecurityContext = PodHardening.PodSecurity(ImageUserId),
                    Containers = [container],
                    Volumes = [PodHardening.TempVolume(), .. volumes],
                },
            },
            VolumeClaimTemplates =
            [
                new V1PersistentVolumeClaim
                {
                    Metadata = new V1ObjectMeta { Name = "data" },
                    Spec = new V1PersistentVolumeClaimSpec
                    {
                        AccessModes = ["ReadWriteOnce"],
                        Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(storage) } },
                    },
                },
            ],
        },
    };

    private static V1Service HeadlessService(string name, int port) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Metadata(name, name),
        Spec = new V1ServiceSpec
        {
            ClusterIP = "None",
            Selector = ClusterConventions.Selector(name),
            Ports = [new V1ServicePort { Name = "tcp", Port = port, TargetPort = "tcp", Protocol = "TCP" }],
        },
    };

    /// <summary>Only the projects that reference the server (and, for MariaDB, the backup job) reach it; it calls nothing.</summary>
    private static V1NetworkPolicy Policy(string name, int port, IEnumerable<string> clients) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = Metadata(name, name),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = ClusterConventions.Selector(name) },
            PolicyTypes = ["Ingress", "Egress"],
            Ingress =
            [
                new V1NetworkPolicyIngressRule
                {
                    FromProperty = [.. clients.Select(NetworkPeers.Pods)],
                    Ports = [new V1NetworkPolicyPort { Port = port, Protocol = "TCP" }],
                },
            ],
            Egress = [],
        },
    };

    private IEnumerable<string> ClientsOf(IResource server)
    {
        var clients = model.Projects.Where(p => p.Uses(server)).Select(p => p.Name);
        return server is MariaDbServerResource ? clients.Append(MariaDbBackupJob.JobName(server.Name)) : clients;
    }

    internal static string PasswordVariable(string databaseResourceName) => $"{databaseResourceName.ToUpperInvariant().Replace('-', '_')}_PASSWORD";

    private static V1ObjectMeta Metadata(string name, string workload) => new() { Name = name, Labels = ClusterConventions.Labels(workload, "server") };
}

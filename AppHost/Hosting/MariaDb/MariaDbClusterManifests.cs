using System.Globalization;
using System.Text;
using ClosetConnect.AppHost.Hosting.Publishing;
using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.MariaDb;

/// <summary>
/// MariaDB in a cluster: the official image on a persistent volume, one database and user per database resource
/// created on first start (passwords from the Secret under the model's parameter names), binary logging for
/// point-in-time recovery, and a backup job every 15 minutes.
/// </summary>
internal static class MariaDbClusterManifests
{
    public const int Port = 3306;

    public static IEnumerable<ManifestFile> Files(MariaDbServerResource server, ClusterServer cluster)
    {
        var backup = new MariaDbBackupJob(server);
        return
        [
            new($"{server.Name}/configmap.yaml", InitScript(server, cluster)),
            .. cluster.StandardFiles(StatefulSet(server, cluster), backup.Name),
            new($"{backup.Name}/cronjob.yaml", backup.CronJob()),
            new($"{backup.Name}/persistentvolumeclaim.yaml", backup.Claim()),
            new($"{backup.Name}/networkpolicy.yaml", backup.Policy()),
        ];
    }

    /// <summary>Runs once on an empty data directory: one database and one user per database resource, as a local run does.</summary>
    private static V1ConfigMap InitScript(MariaDbServerResource server, ClusterServer cluster)
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
            Metadata = cluster.Metadata($"{server.Name}-init"),
            Data = new Dictionary<string, string> { ["init-databases.sh"] = script },
        };
    }

    private static V1StatefulSet StatefulSet(MariaDbServerResource server, ClusterServer cluster)
    {
        List<V1EnvVar> environment =
        [
            PodHardening.SecretReference("MARIADB_ROOT_PASSWORD", server.RootPasswordParameter.Name),
            .. server.Databases.Select(d => PodHardening.SecretReference(PasswordVariable(d.Name), d.PasswordParameter.Name)),
        ];
        var container = cluster.Container("mariadb:10.11", environment);
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
        return cluster.StatefulSet(container,
        [
            new V1Volume { Name = "run", EmptyDir = new V1EmptyDirVolumeSource() },
            new V1Volume { Name = "init", ConfigMap = new V1ConfigMapVolumeSource { Name = $"{server.Name}-init" } },
        ], "20Gi");
    }

    private static string PasswordVariable(string databaseResourceName) => $"{databaseResourceName.ToUpperInvariant().Replace('-', '_')}_PASSWORD";
}

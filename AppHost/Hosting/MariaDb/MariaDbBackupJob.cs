using ClosetConnect.AppHost.Hosting.Publishing;
using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.MariaDb;

/// <summary>
/// Where MariaDB runs in the cluster, a dump of every database every 15 minutes (the RPO) to a volume of its own,
/// checksummed, keeping two days. Production uses the managed database's point-in-time recovery instead.
/// </summary>
internal sealed class MariaDbBackupJob(MariaDbServerResource server)
{
    public const string Schedule = "*/15 * * * *";

    public static string JobName(string serverName) => $"{serverName}-backup";

    public string Name => JobName(server.Name);

    public V1CronJob CronJob()
    {
        var databases = string.Join(' ', server.Databases.Select(d => d.DatabaseName));
        var script = $$"""
            set -eu
            stamp=$(date -u +%Y%m%dT%H%M%SZ)
            target=/backups/$stamp
            mkdir -p "$target"
            for db in {{databases}}; do
              mariadb-dump --host={{server.Name}} --user=root --password="$MARIADB_ROOT_PASSWORD" --single-transaction --routines --triggers --databases "$db" | gzip > "$target/$db.sql.gz"
            done
            (cd "$target" && sha256sum *.sql.gz > SHA256SUMS)
            find /backups -mindepth 1 -maxdepth 1 -type d -mmin +2880 -exec rm -rf {} +
            """;
        return new V1CronJob
        {
            ApiVersion = "batch/v1",
            Kind = "CronJob",
            Metadata = Metadata(),
            Spec = new V1CronJobSpec
            {
                Schedule = Schedule,
                ConcurrencyPolicy = "Forbid",
                SuccessfulJobsHistoryLimit = 3,
                FailedJobsHistoryLimit = 3,
                JobTemplate = new V1JobTemplateSpec
                {
                    Spec = new V1JobSpec
                    {
                        BackoffLimit = 2,
                        Template = new V1PodTemplateSpec
                        {
                            Metadata = new V1ObjectMeta { Labels = ClusterConventions.Labels(Name, "backup") },
                            Spec = new V1PodSpec
                            {
                                RestartPolicy = "OnFailure",
                                AutomountServiceAccountToken = false,
                                EnableServiceLinks = false,
                                SecurityContext = PodHardening.PodSecurity(999),
                                Containers =
                                [
                                    new V1Container
                                    {
                                        Name = "backup",
                                        Image = "mariadb:10.11",
                                        Command = ["/bin/sh", "-c", script],
                                        Env = [PodHardening.SecretReference("MARIADB_ROOT_PASSWORD", server.RootPasswordParameter.Name)],
                                        Resources = PodHardening.StandardResources(),
                                        SecurityContext = PodHardening.ContainerSecurity(),
                                        VolumeMounts = [new V1VolumeMount { Name = "backups", MountPath = "/backups" }, PodHardening.TempMount()],
                                    },
                                ],
                                Volumes =
                                [
                                    new V1Volume { Name = "backups", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = Name } },
                                    PodHardening.TempVolume(),
                                ],
                            },
                        },
                    },
                },
            },
        };
    }

    public V1PersistentVolumeClaim Claim() => new()
    {
        ApiVersion = "v1",
        Kind = "PersistentVolumeClaim",
        Metadata = Metadata(),
        Spec = new V1PersistentVolumeClaimSpec
        {
            AccessModes = ["ReadWriteOnce"],
            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("20Gi") } },
        },
    };

    /// <summary>The job calls MariaDB and nothing else; nothing calls it.</summary>
    public V1NetworkPolicy Policy() => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = Metadata(),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = ClusterConventions.Selector(Name) },
            PolicyTypes = ["Ingress", "Egress"],
            Ingress = [],
            Egress =
            [
                new V1NetworkPolicyEgressRule
                {
                    To = [NetworkPeers.Pods(server.Name)],
                    Ports = [new V1NetworkPolicyPort { Port = MariaDbClusterManifests.Port, Protocol = "TCP" }],
                },
            ],
        },
    };

    private V1ObjectMeta Metadata() => new() { Name = Name, Labels = ClusterConventions.Labels(Name, "backup") };
}

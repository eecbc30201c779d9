using ClosetConnect.AppHost.Hosting.Publishing;
using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.RabbitMQ;

/// <summary>RabbitMQ in a cluster: the official image on a persistent volume, the model's user with its password from the Secret.</summary>
internal static class RabbitMQClusterManifests
{
    public const int Port = 5672;

    public static IEnumerable<ManifestFile> Files(RabbitMQServerResource broker, ClusterServer cluster)
    {
        var container = cluster.Container("rabbitmq:3.13",
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
        return cluster.StandardFiles(cluster.StatefulSet(container, [], "10Gi"));
    }
}

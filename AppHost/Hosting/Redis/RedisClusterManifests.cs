using ClosetConnect.AppHost.Hosting.Publishing;
using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.Redis;

/// <summary>Redis in a cluster: the official image, append-only on a persistent volume, its password from the Secret.</summary>
internal static class RedisClusterManifests
{
    public const int Port = 6379;

    public static IEnumerable<ManifestFile> Files(RedisServerResource redis, ClusterServer cluster)
    {
        var container = cluster.Container("redis:7.2", [PodHardening.SecretReference("REDIS_PASSWORD", redis.PasswordParameter.Name)]);
        container.Args = ["--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes", "--dir", "/data"];
        container.ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "tcp" }, PeriodSeconds = 10 };
        container.VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = "/data" }, PodHardening.TempMount()];
        return cluster.StandardFiles(cluster.StatefulSet(container, [], "5Gi"));
    }
}

using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>
/// One server to render for the cluster, with the pieces every server shares: a StatefulSet of one pod on a
/// persistent volume, a headless Service, and a network policy that lets only its clients in.
/// </summary>
public sealed class ClusterServer
{
    /// <summary>The images' own non-root users (mysql, rabbitmq, redis are uid 999 in the Debian-based images).</summary>
    private const long ImageUserId = 999;

    internal ClusterServer(string name, int port, IReadOnlyList<string> clients)
    {
        Name = name;
        Port = port;
        Clients = clients;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The projects that reference this server or one of its databases.</summary>
    public IReadOnlyList<string> Clients { get; }

    /// <summary>A container listening on <see cref="Port"/> as "tcp", with TCP probes, sizes and the hardened security context.</summary>
    public V1Container Container(string image, List<V1EnvVar> environment) => new()
    {
        Name = Name,
        Image = image,
        ImagePullPolicy = "IfNotPresent",
        Ports = [new V1ContainerPort { Name = "tcp", ContainerPort = Port, Protocol = "TCP" }],
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

    public V1StatefulSet StatefulSet(V1Container container, List<V1Volume> volumes, string storage) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "StatefulSet",
        Metadata = Metadata(Name),
        Spec = new V1StatefulSetSpec
        {
            ServiceName = Name,
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = ClusterConventions.Selector(Name) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = ClusterConventions.Labels(Name, "server") },
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

    public V1Service HeadlessService() => ClusterConventions.Service(Metadata(Name), Name,
        new V1ServicePort { Name = "tcp", Port = Port, TargetPort = "tcp", Protocol = "TCP" }, clusterIp: "None");

    /// <summary>Only the clients (and <paramref name="moreClients"/>, e.g. a backup job) reach the server; it calls nothing.</summary>
    public V1NetworkPolicy NetworkPolicy(params string[] moreClients) => ClusterConventions.NetworkPolicy(Metadata(Name), Name,
        ingress:
        [
            new V1NetworkPolicyIngressRule
            {
                FromProperty = [.. Clients.Concat(moreClients).Select(NetworkPeers.Pods)],
                Ports = [new V1NetworkPolicyPort { Port = Port, Protocol = "TCP" }],
            },
        ],
        egress: []);

    /// <summary>The files every server has; its folder adds what is its own (init scripts, backup jobs).</summary>
    public IEnumerable<ManifestFile> StandardFiles(V1StatefulSet statefulSet, params string[] moreClients) =>
    [
        new($"{Name}/statefulset.yaml", statefulSet),
        new($"{Name}/service.yaml", HeadlessService()),
        new($"{Name}/networkpolicy.yaml", NetworkPolicy(moreClients)),
    ];

    public V1ObjectMeta Metadata(string name) => new() { Name = name, Labels = ClusterConventions.Labels(Name, "server") };
}

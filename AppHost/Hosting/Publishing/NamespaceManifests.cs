using ClosetConnect.AppHost.Hosting.Deployment;
using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>What the whole namespace shares: deny-by-default network policies, DNS and telemetry egress, shared folders.</summary>
internal sealed class NamespaceManifests(PublishedModel model)
{
    public IEnumerable<ManifestFile> Files()
    {
        yield return new("networkpolicy-default-deny.yaml", DefaultDeny());
        yield return new("networkpolicy-dns-and-telemetry.yaml", DnsAndTelemetry());
        foreach (var folder in model.SharedFolders)
        {
            yield return new($"persistentvolumeclaim-{folder.Name}.yaml", SharedFolderClaim(folder));
        }
    }

    /// <summary>Nothing reaches a pod and a pod reaches nothing unless a policy of its own says so.</summary>
    private static V1NetworkPolicy DefaultDeny() => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = new V1ObjectMeta { Name = "default-deny", Labels = PartOf() },
        Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = ["Ingress", "Egress"] },
    };

    /// <summary>Every pod may resolve names (kube-dns) and send telemetry to the OTLP collector.</summary>
    private static V1NetworkPolicy DnsAndTelemetry() => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = new V1ObjectMeta { Name = "allow-dns-and-telemetry", Labels = PartOf() },
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector(),
            PolicyTypes = ["Egress"],
            Egress =
            [
                new V1NetworkPolicyEgressRule
                {
                    To =
                    [
                        new V1NetworkPolicyPeer
                        {
                            NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "kube-system" } },
                            PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" } },
                        },
                    ],
                    Ports = [new V1NetworkPolicyPort { Port = 53, Protocol = "UDP" }, new V1NetworkPolicyPort { Port = 53, Protocol = "TCP" }],
                },
                new V1NetworkPolicyEgressRule
                {
                    To = [NetworkPeers.Namespace(ClusterConventions.ObservabilityNamespace)],
                    Ports = [new V1NetworkPolicyPort { Port = 4317, Protocol = "TCP" }, new V1NetworkPolicyPort { Port = 4318, Protocol = "TCP" }],
                },
            ],
        },
    };

    /// <summary>Several pods on several nodes write the same folder: ReadWriteMany (an NFS/EFS/Filestore-backed class).</summary>
    private static V1PersistentVolumeClaim SharedFolderClaim(SharedFolder folder) => new()
    {
        ApiVersion = "v1",
        Kind = "PersistentVolumeClaim",
        Metadata = new V1ObjectMeta { Name = folder.Name, Labels = PartOf() },
        Spec = new V1PersistentVolumeClaimSpec
        {
            AccessModes = ["ReadWriteMany"],
            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("100Gi") } },
        },
    };

    private static Dictionary<string, string> PartOf() => new() { ["app.kubernetes.io/part-of"] = ClusterConventions.PartOf };
}

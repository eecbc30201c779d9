using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.Publishing;

internal static class NetworkPeers
{
    /// <summary>Pods of one workload in the same namespace.</summary>
    public static V1NetworkPolicyPeer Pods(string name) => new() { PodSelector = new V1LabelSelector { MatchLabels = ClusterConventions.Selector(name) } };

    /// <summary>Every pod of another namespace, by the name label Kubernetes sets on every namespace.</summary>
    public static V1NetworkPolicyPeer Namespace(string name) => new()
    {
        NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = name } },
    };
}

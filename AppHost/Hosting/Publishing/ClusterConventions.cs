using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>Names and numbers the manifests share; the cluster's operators see them in docs/operations.md.</summary>
public static class ClusterConventions
{
    /// <summary>The Secret every secret value comes from (keys as environment variable names, e.g. <c>ConnectionStrings__closetdb</c>).</summary>
    public const string SecretName = "closetconnect-secrets";

    /// <summary>Environment-wide settings (environment name, OTLP endpoint), one per overlay.</summary>
    public const string EnvironmentConfigMapName = "closetconnect-environment";

    public const string ImageRegistry = "ghcr.io/closetconnect";

    /// <summary>Where the overlays' images point until CD pins them to a commit (<c>kustomize edit set image</c>).</summary>
    public const string DefaultImageTag = "latest";

    public const int HttpPort = 8080;

    /// <summary>Readiness: every dependency answers (ServiceDefaults' MapDefaultEndpoints).</summary>
    public const string HealthPath = "/health";

    /// <summary>Liveness: the process itself.</summary>
    public const string AlivePath = "/alive";

    public const int ServicePort = 80;

    /// <summary>The ASP.NET images' non-root "app" user.</summary>
    public const long AppUserId = 1654;

    public const string OtlpEndpoint = "http://otel-collector.observability.svc.cluster.local:4317";

    public const string ObservabilityNamespace = "observability";

    public const string IngressControllerNamespace = "ingress-nginx";

    public const string IngressClassName = "nginx";

    public const string TlsSecretName = "closetconnect-tls";

    public const string SecretFilesPath = "/run/secrets";

    public const int MaxReplicas = 10;

    public const string PartOf = "closetconnect";

    public static string Image(string name) => $"closetconnect/{name}";

    public static IDictionary<string, string> Selector(string name) =>
        new Dictionary<string, string> { ["app.kubernetes.io/name"] = name };

    /// <summary>The Service in front of the pods of <paramref name="name"/>: one port, selected by the name label.</summary>
    public static V1Service Service(V1ObjectMeta metadata, string name, V1ServicePort port, string? type = null, string? clusterIp = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = metadata,
        Spec = new V1ServiceSpec { Type = type, ClusterIP = clusterIp, Selector = Selector(name), Ports = [port] },
    };

    /// <summary>The NetworkPolicy of the pods of <paramref name="name"/>: what it lists in and out, nothing else.</summary>
    public static V1NetworkPolicy NetworkPolicy(V1ObjectMeta metadata, string name, IList<V1NetworkPolicyIngressRule> ingress,
        IList<V1NetworkPolicyEgressRule> egress) => new()
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = metadata,
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = Selector(name) },
                PolicyTypes = ["Ingress", "Egress"],
                Ingress = ingress,
                Egress = egress,
            },
        };

    public static IDictionary<string, string> Labels(string name, string component) =>
        new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = name,
            ["app.kubernetes.io/component"] = component,
            ["app.kubernetes.io/part-of"] = PartOf,
        };
}

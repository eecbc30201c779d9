using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>
/// One overlay: the namespace (restricted pod security), the environment's settings, the TLS ingress for the public
/// project, and outside Production one replica per project instead of the model's count.
/// </summary>
internal sealed class EnvironmentManifests(PublishEnvironment environment, PublishedModel model)
{
    private const int NonProductionMaxReplicas = 3;

    private IEnumerable<PublishedProject> Projects => model.Projects;

    public IEnumerable<ManifestFile> Resources()
    {
        yield return new("namespace.yaml", Namespace());
        yield return new("configmap-environment.yaml", EnvironmentSettings());
        foreach (var project in Projects.Where(p => p.IsExternal))
        {
            yield return new($"ingress-{project.Name}.yaml", Ingress(project));
        }
    }

    /// <summary>Production runs the model's replica counts; the other environments one pod each, scaling to three.</summary>
    public IEnumerable<ManifestFile> Patches()
    {
        if (environment.IsProduction)
        {
            yield break;
        }
        foreach (var project in Projects.Where(p => p.IsAutoscaled))
        {
            yield return new($"patches/{project.Name}-deployment.yaml", new V1Deployment
            {
                ApiVersion = "apps/v1",
                Kind = "Deployment",
                Metadata = new V1ObjectMeta { Name = project.Name },
                Spec = new V1DeploymentSpec { Replicas = 1 },
            });
            yield return new($"patches/{project.Name}-horizontalpodautoscaler.yaml", new V2HorizontalPodAutoscaler
            {
                ApiVersion = "autoscaling/v2",
                Kind = "HorizontalPodAutoscaler",
                Metadata = new V1ObjectMeta { Name = project.Name },
                Spec = new V2HorizontalPodAutoscalerSpec { MinReplicas = 1, MaxReplicas = NonProductionMaxReplicas },
            });
        }
    }

    private V1Namespace Namespace() => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta
        {
            Name = environment.Namespace,
            Labels = new Dictionary<string, string>
            {
                ["app.kubernetes.io/part-of"] = ClusterConventions.PartOf,
                ["pod-security.kubernetes.io/enforce"] = "restricted",
                ["pod-security.kubernetes.io/warn"] = "restricted",
            },
        },
    };

    private V1ConfigMap EnvironmentSettings()
    {
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment.Name,
            ["DOTNET_ENVIRONMENT"] = environment.Name,
            // Aspire's Kubernetes publisher leaves these out; without them nothing is exported.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = ClusterConventions.OtlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
        };
        foreach (var (key, value) in environment.Settings)
        {
            data[key] = value;
        }
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = ClusterConventions.EnvironmentConfigMapName, Labels = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = ClusterConventions.PartOf } },
            Data = data,
        };
    }

    private V1Ingress Ingress(PublishedProject project) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "Ingress",
        Metadata = new V1ObjectMeta
        {
            Name = project.Name,
            Labels = ClusterConventions.Labels(project.Name, "gateway"),
            Annotations = new Dictionary<string, string>
            {
                ["cert-manager.io/cluster-issuer"] = "letsencrypt",
                ["nginx.ingress.kubernetes.io/ssl-redirect"] = "true",
                // Photos up to 10 MB plus the multipart envelope.
                ["nginx.ingress.kubernetes.io/proxy-body-size"] = "12m",
            },
        },
        Spec = new V1IngressSpec
        {
            IngressClassName = ClusterConventions.IngressClassName,
            Tls = [new V1IngressTLS { Hosts = [environment.Host], SecretName = ClusterConventions.TlsSecretName }],
            Rules =
            [
                new V1IngressRule
                {
                    Host = environment.Host,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/",
                                PathType = "Prefix",
                                Backend = new V1IngressBackend
                                {
                                    Service = new V1IngressServiceBackend { Name = project.Name, Port = new V1ServiceBackendPort { Name = "http" } },
                                },
                            },
                        ],
                    },
                },
            ],
        },
    };
}

using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>
/// The Kubernetes objects of one project, from the same model the local runner uses: ConfigMap (non-secret settings),
/// Deployment, Service, and for replicated projects an autoscaler and a disruption budget, plus its network policy.
/// </summary>
internal sealed class ProjectManifests(PublishedProject project, PublishedModel model)
{
    private const string Http = "http";
    private static readonly string[] HttpProtocol = ["TCP"];

    private string Name => project.Name;

    private string Component => project.Component;

    public IEnumerable<ManifestFile> Files()
    {
        yield return new($"{Name}/configmap.yaml", ConfigMap());
        yield return new($"{Name}/deployment.yaml", Deployment());
        yield return new($"{Name}/service.yaml", Service());
        if (project.IsAutoscaled)
        {
            yield return new($"{Name}/horizontalpodautoscaler.yaml", Autoscaler());
            yield return new($"{Name}/poddisruptionbudget.yaml", DisruptionBudget());
        }
        yield return new($"{Name}/networkpolicy.yaml", NetworkPolicy());
    }

    /// <summary>Settings only: every connection string and declared secret goes through <see cref="SecretEnvironment"/>.</summary>
    public V1ConfigMap ConfigMap()
    {
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://+:{ClusterConventions.HttpPort}",
            ["OTEL_SERVICE_NAME"] = Name,
        };
        foreach (var service in project.ServiceReferences)
        {
            // Kubernetes DNS finds the Service; the same keys as Aspire's services__{name}__http__0 locally.
            data[$"services__{service}__http__0"] = $"http://{service}";
        }
        foreach (var (variable, value) in project.Settings)
        {
            data[variable] = value;
        }
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = Metadata($"{Name}-config"),
            Data = data,
        };
    }

    public V1Deployment Deployment() => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Metadata(Name),
        Spec = new V1DeploymentSpec
        {
            Replicas = project.Replicas,
            RevisionHistoryLimit = 5,
            Selector = new V1LabelSelector { MatchLabels = ClusterConventions.Selector(Name) },
            // One new pod at a time, and never fewer ready pods than asked for.
            Strategy = new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 1, MaxUnavailable = 0 },
            },
            Template = PodTemplate(),
        },
    };

    private V1PodTemplateSpec PodTemplate() => new()
    {
        // No scrape annotations: metrics go out over OTLP to the collector, with the traces and logs.
        Metadata = new V1ObjectMeta { Labels = ClusterConventions.Labels(Name, Component) },
        Spec = new V1PodSpec
        {
            // No service calls the Kubernetes API.
            AutomountServiceAccountToken = false,
            EnableServiceLinks = false,
            // preStop (15 s, while endpoints drain) plus ASP.NET Core's graceful shutdown.
            TerminationGracePeriodSeconds = 45,
            SecurityContext = PodHardening.PodSecurity(ClusterConventions.AppUserId),
            Containers = [Container()],
            Volumes = Volumes(),
            NodeSelector = project.GpuCount > 0 ? new Dictionary<string, string> { ["nvidia.com/gpu.present"] = "true" } : null,
            Tolerations = project.GpuCount > 0 ? [new V1Toleration { Key = "nvidia.com/gpu", OperatorProperty = "Exists", Effect = "NoSchedule" }] : null,
        },
    };

    private V1Container Container() => new()
    {
        Name = Name,
        Image = ClusterConventions.Image(Name),
        ImagePullPolicy = "IfNotPresent",
        Ports = [new V1ContainerPort { Name = Http, ContainerPort = ClusterConventions.HttpPort, Protocol = "TCP" }],
        EnvFrom =
        [
            new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = $"{Name}-config" } },
            new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = ClusterConventions.EnvironmentConfigMapName } },
        ],
        Env = [.. TelemetryEnvironment(), .. SecretEnvironment()],
        Resources = PodHardening.StandardResources(project.GpuCount),
        // No WaitFor in a cluster: a pod whose dependencies are not up yet is simply not ready (and keeps retrying).
        StartupProbe = Probe(ClusterConventions.AlivePath, periodSeconds: 5, failureThreshold: 60),
        ReadinessProbe = Probe(ClusterConventions.HealthPath, periodSeconds: 10, failureThreshold: 3),
        LivenessProbe = Probe(ClusterConventions.AlivePath, periodSeconds: 20, failureThreshold: 3),
        // Endpoints are removed asynchronously: keep serving while load balancers catch up.
        Lifecycle = new V1Lifecycle { PreStop = new V1LifecycleHandler { Sleep = new V1SleepAction { Seconds = 15 } } },
        SecurityContext = PodHardening.ContainerSecurity(),
        VolumeMounts = VolumeMounts(),
    };

    private static IEnumerable<V1EnvVar> TelemetryEnvironment() =>
    [
        PodHardening.FieldReference("POD_NAME", "metadata.name"),
        PodHardening.FieldReference("POD_NAMESPACE", "metadata.namespace"),
        new V1EnvVar
        {
            Name = "OTEL_RESOURCE_ATTRIBUTES",
            Value = "service.instance.id=$(POD_NAME),k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE),deployment.environment.name=$(ASPNETCORE_ENVIRONMENT)",
        },
    ];

    /// <summary>Connection strings and declared secrets, each a <c>secretKeyRef</c> into the cluster's Secret.</summary>
    public IEnumerable<V1EnvVar> SecretEnvironment() =>
        project.ConnectionStringReferences.Select(r => $"ConnectionStrings__{r.Name}")
            .Concat(project.SecretEnvironmentVariables)
            .Order(StringComparer.Ordinal)
            .Select(name => PodHardening.SecretReference(name));

    private static V1Probe Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = Http },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 5,
        FailureThreshold = failureThreshold,
    };

    private List<V1Volume> Volumes()
    {
        List<V1Volume> volumes = [PodHardening.TempVolume()];
        volumes.AddRange(project.SharedFolders.Select(folder => new V1Volume
        {
            Name = folder.Name,
            PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = folder.Name },
        }));
        if (project.SecretFilesName is { } secretName)
        {
            volumes.Add(new V1Volume
            {
                Name = "secret-files",
                // Owner and group (fsGroup) may read, nobody else.
                Secret = new V1SecretVolumeSource { SecretName = secretName, DefaultMode = 0b100_100_000 },
            });
        }
        return volumes;
    }

    private List<V1VolumeMount> VolumeMounts()
    {
        List<V1VolumeMount> mounts = [PodHardening.TempMount()];
        mounts.AddRange(project.SharedFolders.Select(folder => new V1VolumeMount { Name = folder.Name, MountPath = folder.ContainerPath }));
        if (project.SecretFilesName is not null)
        {
            mounts.Add(new V1VolumeMount { Name = "secret-files", MountPath = ClusterConventions.SecretFilesPath, ReadOnlyProperty = true });
        }
        return mounts;
    }

    public V1Service Service() => ClusterConventions.Service(Metadata(Name), Name,
        new V1ServicePort { Name = Http, Port = ClusterConventions.ServicePort, TargetPort = Http, Protocol = "TCP" }, type: "ClusterIP");

    public V2HorizontalPodAutoscaler Autoscaler() => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = "HorizontalPodAutoscaler",
        Metadata = Metadata(Name),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = Name },
            MinReplicas = project.Replicas,
            MaxReplicas = ClusterConventions.MaxReplicas,
            Metrics = [UtilizationMetric("cpu", 70), UtilizationMetric("memory", 80)],
            Behavior = new V2HorizontalPodAutoscalerBehavior
            {
                // Up fast (double, or 4 pods, every 15 s, whichever is more); down only after 5 quiet minutes.
                ScaleUp = new V2HPAScalingRules
                {
                    StabilizationWindowSeconds = 0,
                    SelectPolicy = "Max",
                    Policies =
                    [
                        new V2HPAScalingPolicy { Type = "Percent", Value = 100, PeriodSeconds = 15 },
                        new V2HPAScalingPolicy { Type = "Pods", Value = 4, PeriodSeconds = 15 },
                    ],
                },
                ScaleDown = new V2HPAScalingRules
                {
                    StabilizationWindowSeconds = 300,
                    SelectPolicy = "Max",
                    Policies = [new V2HPAScalingPolicy { Type = "Percent", Value = 100, PeriodSeconds = 15 }],
                },
            },
        },
    };

    private static V2MetricSpec UtilizationMetric(string resource, int percent) => new()
    {
        Type = "Resource",
        Resource = new V2ResourceMetricSource
        {
            Name = resource,
            Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = percent },
        },
    };

    /// <summary>Voluntary disruptions (node drains) take one pod at a time.</summary>
    public V1PodDisruptionBudget DisruptionBudget() => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = Metadata(Name),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = 1,
            Selector = new V1LabelSelector { MatchLabels = ClusterConventions.Selector(Name) },
        },
    };

    /// <summary>
    /// Who may call this project (the ingress controller for the public one, the projects that reference it)
    /// and what it may call (the projects it references, its servers' ports, declared external ports).
    /// </summary>
    public V1NetworkPolicy NetworkPolicy()
    {
        var httpPort = new V1NetworkPolicyPort { Port = ClusterConventions.HttpPort, Protocol = "TCP" };
        List<V1NetworkPolicyIngressRule> ingress = [];
        if (project.IsExternal)
        {
            ingress.Add(new V1NetworkPolicyIngressRule { FromProperty = [NetworkPeers.Namespace(ClusterConventions.IngressControllerNamespace)], Ports = [httpPort] });
        }
        var callers = model.Projects.Where(p => p.ServiceReferences.Contains(Name)).Select(p => NetworkPeers.Pods(p.Name)).ToList();
        if (callers.Count > 0)
        {
            ingress.Add(new V1NetworkPolicyIngressRule { FromProperty = callers, Ports = [httpPort] });
        }

        List<V1NetworkPolicyEgressRule> egress = [];
        if (project.ServiceReferences.Count > 0)
        {
            egress.Add(new V1NetworkPolicyEgressRule
            {
                To = [.. project.ServiceReferences.Select(NetworkPeers.Pods)],
                Ports = [httpPort],
            });
        }
        // Servers may be pods (Development, Staging) or managed services outside the cluster (Production): allow by port.
        var serverPorts = project.ConnectionStringReferences.Select(ServerPort).Concat(project.ExternalEgressPorts).Distinct().Order().ToList();
        if (serverPorts.Count > 0)
        {
            egress.Add(new V1NetworkPolicyEgressRule { Ports = [.. serverPorts.Select(p => new V1NetworkPolicyPort { Port = p, Protocol = "TCP" })] });
        }

        return ClusterConventions.NetworkPolicy(Metadata(Name), Name, ingress, egress);
    }

    private static int ServerPort(IResourceWithConnectionString server) =>
        ClusterServerAnnotation.Of(server)?.ClientPort ?? throw new DistributedApplicationException($"publish does not know the port of {server.Name}.");

    private V1ObjectMeta Metadata(string name) => new() { Name = name, Labels = ClusterConventions.Labels(Name, Component) };
}

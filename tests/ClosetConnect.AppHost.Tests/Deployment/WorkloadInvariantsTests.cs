using ClosetConnect.AppHost.Hosting.Publishing;
using k8s;
using k8s.Models;

namespace ClosetConnect.AppHost.Tests.Deployment;

/// <summary>The rules of the deployment guide, checked on every workload of every overlay.</summary>
[TestFixtureSource(nameof(Environments))]
public sealed class WorkloadInvariantsTests(string environmentName)
{
    private static readonly string[] Apis = ["identity-api", "closet-api", "payments-api", "gateway"];
    private static readonly string[] SecretMarkers = ["ConnectionStrings__", "Password", "Secret", "FieldEncryption__Keys", "_PASS"];

    private PublishEnvironment environment = null!;
    private IReadOnlyList<IKubernetesObject> objects = null!;

    public static IEnumerable<string> Environments => PublishEnvironment.All.Select(e => e.Name);

    private IEnumerable<V1Deployment> Deployments => objects.OfType<V1Deployment>();

    private IEnumerable<(string Name, V1PodSpec Pod)> Workloads =>
        Deployments.Select(d => (d.Metadata.Name, d.Spec.Template.Spec))
            .Concat(objects.OfType<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template.Spec)))
            .Concat(objects.OfType<V1CronJob>().Select(c => (c.Metadata.Name, c.Spec.JobTemplate.Spec.Template.Spec)));

    [OneTimeSetUp]
    public async Task Render()
    {
        environment = PublishEnvironment.Find(environmentName)!;
        objects = await PublishedManifests.OverlayAsync(environment);
    }

    [Test]
    public void Every_workload_runs_non_root_on_a_read_only_root_without_capabilities_or_a_token_and_with_limits()
    {
        Assert.That(Workloads.Count(), Is.GreaterThanOrEqualTo(5));
        Assert.Multiple(() =>
        {
            foreach (var (name, pod) in Workloads)
            {
                Assert.That(pod.AutomountServiceAccountToken, Is.False, name);
                Assert.That(pod.SecurityContext.RunAsNonRoot, Is.True, name);
                Assert.That(pod.SecurityContext.SeccompProfile.Type, Is.EqualTo("RuntimeDefault"), name);
                Assert.That(pod.Volumes.Any(v => v.EmptyDir is not null && pod.Containers.All(c => c.VolumeMounts.Any(m => m.Name == v.Name && m.MountPath == "/tmp"))), name + ": /tmp is a volume");
                foreach (var container in pod.Containers)
                {
                    var security = container.SecurityContext;
                    Assert.That(security.ReadOnlyRootFilesystem, Is.True, name);
                    Assert.That(security.AllowPrivilegeEscalation, Is.False, name);
                    Assert.That(security.Capabilities.Drop, Is.EqualTo(new[] { "ALL" }), name);
                    Assert.That(container.Resources.Requests.Keys, Is.SupersetOf(new[] { "cpu", "memory" }), name);
                    Assert.That(container.Resources.Limits.Keys, Is.SupersetOf(new[] { "cpu", "memory" }), name);
                }
            }
        });
    }

    [Test]
    public void Every_service_deployment_has_probes_a_drain_delay_rolling_updates_and_sizes()
    {
        Assert.That(Deployments.Select(d => d.Metadata.Name), Is.EquivalentTo(Apis.Append("vision-worker")));
        Assert.Multiple(() =>
        {
            foreach (var deployment in Deployments)
            {
                var name = deployment.Metadata.Name;
                var container = deployment.Spec.Template.Spec.Containers.Single();
                Assert.That(deployment.Spec.Strategy.RollingUpdate.MaxSurge.Value, Is.EqualTo("1"), name);
                Assert.That(deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value, Is.EqualTo("0"), name);
                Assert.That(container.StartupProbe.HttpGet.Path, Is.Not.Null, name);
                Assert.That(container.ReadinessProbe.HttpGet.Path, Is.EqualTo("/health"), name);
                Assert.That(container.LivenessProbe.HttpGet.Path, Is.EqualTo("/alive"), name);
                Assert.That(container.Lifecycle.PreStop.Sleep.Seconds, Is.EqualTo(15), name);
                Assert.That(container.Resources.Requests["cpu"].ToString(), Is.EqualTo("250m"), name);
                Assert.That(container.Resources.Requests["memory"].ToString(), Is.EqualTo("512Mi"), name);
                Assert.That(container.Resources.Limits["cpu"].ToString(), Is.EqualTo("500m"), name);
                Assert.That(container.Resources.Limits["memory"].ToString(), Is.EqualTo("1Gi"), name);
            }
        });
    }

    [Test]
    public void Apis_and_the_gateway_run_three_replicas_in_production_and_autoscale_to_ten_on_cpu_and_memory()
    {
        var expectedMinimum = environment.IsProduction ? 3 : 1;
        Assert.Multiple(() =>
        {
            foreach (var name in Apis)
            {
                Assert.That(Deployments.Single(d => d.Metadata.Name == name).Spec.Replicas, Is.EqualTo(expectedMinimum), name);
                var autoscaler = objects.OfType<V2HorizontalPodAutoscaler>().Single(h => h.Metadata.Name == name);
                Assert.That(autoscaler.Spec.MinReplicas, Is.EqualTo(expectedMinimum), name);
                Assert.That(autoscaler.Spec.MaxReplicas, Is.EqualTo(environment.IsProduction ? 10 : 3), name);
                Assert.That(autoscaler.Spec.Metrics.ToDictionary(m => m.Resource.Name, m => m.Resource.Target.AverageUtilization),
                    Is.EquivalentTo(new Dictionary<string, int?> { ["cpu"] = 70, ["memory"] = 80 }), name);
                Assert.That(autoscaler.Spec.Behavior.ScaleDown.StabilizationWindowSeconds, Is.EqualTo(300), name);
                Assert.That(autoscaler.Spec.Behavior.ScaleUp.SelectPolicy, Is.EqualTo("Max"), name);
                Assert.That(autoscaler.Spec.Behavior.ScaleUp.Policies.Select(p => (p.Type, p.Value, p.PeriodSeconds)),
                    Is.EquivalentTo(new[] { ("Percent", 100, 15), ("Pods", 4, 15) }), name);
                Assert.That(objects.OfType<V1PodDisruptionBudget>().Count(p => p.Metadata.Name == name), Is.EqualTo(1), name);
            }
        });
    }

    [Test]
    public void Secrets_come_only_from_secret_references_never_from_config_maps()
    {
        Assert.Multiple(() =>
        {
            foreach (var configMap in objects.OfType<V1ConfigMap>())
            {
                Assert.That(configMap.Data.Keys.Where(LooksSecret), Is.Empty, configMap.Metadata.Name);
            }
            foreach (var (name, pod) in Workloads)
            {
                var literalSecrets = pod.Containers.SelectMany(c => c.Env ?? []).Where(e => LooksSecret(e.Name) && e.ValueFrom?.SecretKeyRef is null);
                Assert.That(literalSecrets.Select(e => e.Name), Is.Empty, name);
            }
        });
        var closet = Deployments.Single(d => d.Metadata.Name == "closet-api").Spec.Template.Spec.Containers.Single();
        Assert.That(closet.Env.Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => e.Name),
            Is.EquivalentTo(new[] { "ConnectionStrings__closetdb", "ConnectionStrings__messaging", "ConnectionStrings__cache" }));
    }

    [Test]
    public void Telemetry_settings_name_each_service_and_an_otlp_collector()
    {
        var environmentSettings = objects.OfType<V1ConfigMap>().Single(c => c.Metadata.Name == ClusterConventions.EnvironmentConfigMapName).Data;
        Assert.That(environmentSettings["OTEL_EXPORTER_OTLP_ENDPOINT"], Does.StartWith("http://"));
        Assert.That(environmentSettings["ASPNETCORE_ENVIRONMENT"], Is.EqualTo(environment.Name));
        foreach (var deployment in Deployments)
        {
            var settings = objects.OfType<V1ConfigMap>().Single(c => c.Metadata.Name == $"{deployment.Metadata.Name}-config").Data;
            Assert.That(settings["OTEL_SERVICE_NAME"], Is.EqualTo(deployment.Metadata.Name));
        }
    }

    [Test]
    public void Network_policies_deny_by_default_and_open_only_the_paths_of_the_model()
    {
        var policies = objects.OfType<V1NetworkPolicy>().ToDictionary(p => p.Metadata.Name);
        var denyAll = policies["default-deny"].Spec;
        Assert.That(denyAll.PodSelector.MatchLabels, Is.Null.Or.Empty);
        Assert.That(denyAll.PolicyTypes, Is.EquivalentTo(new[] { "Ingress", "Egress" }));

        string[] Callers(string name) => [.. policies[name].Spec.Ingress
            .SelectMany(rule => rule.FromProperty)
            .Select(peer => peer.PodSelector?.MatchLabels?["app.kubernetes.io/name"] ?? "namespace:" + peer.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"])];

        Assert.Multiple(() =>
        {
            Assert.That(Callers("gateway"), Is.EquivalentTo(new[] { "namespace:ingress-nginx" }));
            // Identity asks Closet and Payments for the GDPR data export; Payments asks Closet to reserve listings.
            Assert.That(Callers("closet-api"), Is.EquivalentTo(new[] { "gateway", "identity-api", "payments-api" }));
            Assert.That(Callers("payments-api"), Is.EquivalentTo(new[] { "gateway", "identity-api" }));
            Assert.That(Callers("identity-api"), Is.EquivalentTo(new[] { "closet-api", "payments-api", "gateway" }));
            if (environment.InClusterBackingServices)
            {
                Assert.That(Callers("mariadb"), Is.EquivalentTo(new[] { "identity-api", "closet-api", "payments-api", "mariadb-backup" }));
                Assert.That(Callers("cache"), Is.EquivalentTo(new[] { "identity-api", "closet-api", "gateway" }));
            }
        });
    }

    [Test]
    public void The_gateway_alone_is_published_through_a_tls_ingress()
    {
        var ingress = objects.OfType<V1Ingress>().Single();
        Assert.That(ingress.Spec.Rules.Single().Http.Paths.Single().Backend.Service.Name, Is.EqualTo("gateway"));
        Assert.That(ingress.Spec.Tls.Single().Hosts, Is.EqualTo(new[] { environment.Host }));
        Assert.That(objects.OfType<V1Service>().Where(s => s.Spec.Type is "LoadBalancer" or "NodePort"), Is.Empty);
    }

    [Test]
    public void The_vision_worker_gets_a_gpu_node_and_shares_the_blob_volume_with_the_closet()
    {
        var vision = Deployments.Single(d => d.Metadata.Name == "vision-worker").Spec.Template.Spec;
        Assert.That(vision.Containers.Single().Resources.Limits["nvidia.com/gpu"].ToString(), Is.EqualTo("1"));
        Assert.That(vision.NodeSelector, Does.ContainKey("nvidia.com/gpu.present"));
        Assert.That(vision.Tolerations.Single().Key, Is.EqualTo("nvidia.com/gpu"));

        var claim = objects.OfType<V1PersistentVolumeClaim>().Single(c => c.Metadata.Name == "blobs");
        Assert.That(claim.Spec.AccessModes, Is.EqualTo(new[] { "ReadWriteMany" }));
        foreach (var name in new[] { "closet-api", "vision-worker" })
        {
            var pod = Deployments.Single(d => d.Metadata.Name == name).Spec.Template.Spec;
            Assert.That(pod.Volumes.Any(v => v.PersistentVolumeClaim?.ClaimName == "blobs"), name);
        }
    }

    [Test]
    public void Servers_run_as_stateful_sets_outside_production_and_are_managed_services_in_production()
    {
        var statefulSets = objects.OfType<V1StatefulSet>().Select(s => s.Metadata.Name);
        if (environment.InClusterBackingServices)
        {
            Assert.That(statefulSets, Is.EquivalentTo(new[] { "mariadb", "messaging", "cache" }));
            Assert.That(objects.OfType<V1StatefulSet>().All(s => s.Spec.VolumeClaimTemplates.Count == 1));
        }
        else
        {
            Assert.That(statefulSets, Is.Empty);
            Assert.That(environment.IsProduction);
        }
    }

    private static bool LooksSecret(string key) => SecretMarkers.Any(marker => key.Contains(marker, StringComparison.OrdinalIgnoreCase));
}

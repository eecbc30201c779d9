using ClosetConnect.AppHost.Hosting.Publishing;
using k8s;
using k8s.Models;

namespace ClosetConnect.AppHost.Tests.Deployment;

/// <summary>What the AppHost's publish step writes for the real AppHost/Program.cs, rendered once per test run.</summary>
internal static class PublishedManifests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string>>> Rendered = new(RenderAsync);

    public static Task<IReadOnlyDictionary<string, string>> FilesAsync() => Rendered.Value;

    /// <summary>The typed objects of one overlay as kustomize would assemble them: base, component when used, overlay resources, patches applied to replicas.</summary>
    public static async Task<IReadOnlyList<IKubernetesObject>> OverlayAsync(PublishEnvironment environment)
    {
        var files = await FilesAsync();
        var overlay = $"overlays/{environment.OverlayName}/";
        var folders = new List<string> { "base/", overlay };
        if (environment.InClusterBackingServices)
        {
            folders.Add("components/in-cluster-servers/");
        }
        var objects = files
            .Where(f => folders.Any(folder => f.Key.StartsWith(folder, StringComparison.Ordinal)) && !f.Key.EndsWith("kustomization.yaml", StringComparison.Ordinal) && !f.Key.Contains("/patches/", StringComparison.Ordinal))
            .Select(f => Load(f.Value))
            .ToList();
        foreach (var patch in files.Where(f => f.Key.StartsWith(overlay + "patches/", StringComparison.Ordinal)).Select(f => Load(f.Value)))
        {
            switch (patch)
            {
                case V1Deployment deployment:
                    objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == deployment.Metadata.Name).Spec.Replicas = deployment.Spec.Replicas;
                    break;
                case V2HorizontalPodAutoscaler autoscaler:
                    var target = objects.OfType<V2HorizontalPodAutoscaler>().Single(h => h.Metadata.Name == autoscaler.Metadata.Name);
                    target.Spec.MinReplicas = autoscaler.Spec.MinReplicas;
                    target.Spec.MaxReplicas = autoscaler.Spec.MaxReplicas;
                    break;
                default:
                    Assert.Fail($"The tests do not know how to apply a {patch.Kind} patch.");
                    break;
            }
        }
        return objects;
    }

    public static IKubernetesObject Load(string yaml) => (IKubernetesObject)KubernetesYaml.LoadAllFromString(yaml).Single();

    /// <summary>Runs the AppHost's publish step (in process, through the testing builder) into a temporary folder and reads what it wrote.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> RenderAsync()
    {
        var output = Directory.CreateTempSubdirectory("closetconnect-publish-").FullName;
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                ["--operation", "publish", "--step", KubernetesPublishingExtensions.StepName, "--output-path", output]);
            await using var app = await builder.BuildAsync();
            // In publish mode a run executes the pipeline and ends.
            await app.RunAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return Directory.GetFiles(output, "*", SearchOption.AllDirectories)
                .ToDictionary(path => Path.GetRelativePath(output, path).Replace('\\', '/'), File.ReadAllText);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

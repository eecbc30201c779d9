#pragma warning disable ASPIREPIPELINES001 // Pipeline steps are Aspire's (experimental) publishing extension point.

using Aspire.Hosting.Pipelines;
using ClosetConnect.AppHost.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClosetConnect.AppHost.Hosting;

public static class KubernetesPublishingExtensions
{
    public const string StepName = "publish-kubernetes";

    /// <summary>
    /// The <c>publish-kubernetes</c> step, part of <c>publish</c>: the model as kustomize manifests (a base, the
    /// in-cluster servers component, an overlay per environment) in <c>--output-path</c>, <c>deploy/k8s</c> by default.
    /// </summary>
    public static IDistributedApplicationBuilder AddKubernetesManifests(this IDistributedApplicationBuilder builder)
    {
        var defaultOutput = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "deploy", "k8s"));
        builder.Pipeline.AddStep(StepName, async step =>
        {
            var output = step.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.OutputPath is { Length: > 0 } path
                ? Path.GetFullPath(path)
                : defaultOutput;
            var model = await PublishedModel.ReadAsync(step.Model, step.ExecutionContext, step.CancellationToken);
            var written = await new KubernetesPublisher(model).WriteAsync(output, PublishEnvironment.All, step.CancellationToken);
            step.Logger.LogInformation("Wrote {Count} files to {Output} ({Environments}).",
                written.Count, output, string.Join(", ", PublishEnvironment.All.Select(e => e.OverlayName)));
        }, requiredBy: WellKnownPipelineSteps.Publish);
        return builder;
    }
}

using ClosetConnect.AppHost.Hosting.Deployment;

namespace ClosetConnect.AppHost.Hosting;

/// <summary>Facts about a project in a cluster that Aspire's model has no words for; <c>publish</c> turns them into manifests.</summary>
public static class DeploymentBuilderExtensions
{
    /// <summary>A folder shared between projects: <c>{state}/{name}</c> here, a ReadWriteMany volume in Kubernetes.</summary>
    public static SharedFolder AddSharedFolder(this IDistributedApplicationBuilder builder, string name) => new(name, builder.StatePath(name));

    /// <summary>Runs on a GPU node with <paramref name="count"/> NVIDIA GPUs.</summary>
    public static IResourceBuilder<ProjectResource> WithGpu(this IResourceBuilder<ProjectResource> builder, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return builder.WithAnnotation(new GpuAnnotation(count), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>An environment variable (e.g. <c>Email__SmtpPassword</c>) taken from the cluster's Secret; locally the service's development default applies.</summary>
    public static IResourceBuilder<ProjectResource> WithSecret(this IResourceBuilder<ProjectResource> builder, string environmentVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentVariable);
        return builder.WithAnnotation(new SecretEnvironmentAnnotation(environmentVariable));
    }

    /// <summary>A Secret of key-per-file configuration mounted at <c>/run/secrets</c>, for key rings whose key names change.</summary>
    public static IResourceBuilder<ProjectResource> WithSecretFiles(this IResourceBuilder<ProjectResource> builder, string secretName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        return builder.WithAnnotation(new SecretFilesAnnotation(secretName), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Allows calls out of the cluster on <paramref name="port"/> (everything else is denied by network policy).</summary>
    public static IResourceBuilder<ProjectResource> WithExternalEgress(this IResourceBuilder<ProjectResource> builder, int port) =>
        builder.WithAnnotation(new ExternalEgressAnnotation(port));
}

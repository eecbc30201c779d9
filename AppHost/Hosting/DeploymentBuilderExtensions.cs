using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting;

/// <summary>Facts about a project in a cluster, for <c>publish</c>; the local runner ignores them.</summary>
public static class DeploymentBuilderExtensions
{
    /// <summary>A folder shared between projects: <c>{state}/{name}</c> here, a ReadWriteMany volume in Kubernetes.</summary>
    public static SharedFolder AddSharedFolder(this IDistributedApplicationBuilder builder, string name) =>
        // Publishing creates nothing on this machine.
        new(name, builder.ExecutionContext.IsPublishMode ? Path.Combine(builder.StateDirectory, name) : builder.StatePath(name));

    /// <summary>Gives the project the folder's path in <paramref name="name"/> (and a volume for it in Kubernetes).</summary>
    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, SharedFolder folder)
    {
        builder.WithEnvironment(name, folder.LocalPath);
        builder.Resource.Deployment.SharedFolders[name] = folder;
        return builder;
    }

    /// <summary>Replicas in Production; the project also gets an autoscaler (up to 10) and a disruption budget.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Deployment.Replicas = replicas;
        return builder;
    }

    /// <summary>Reachable from outside the cluster, through the ingress (TLS).</summary>
    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> builder)
    {
        builder.Resource.Deployment.IsExternal = true;
        return builder;
    }

    /// <summary>Runs on a GPU node with <paramref name="count"/> NVIDIA GPUs.</summary>
    public static IResourceBuilder<ProjectResource> WithGpu(this IResourceBuilder<ProjectResource> builder, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        builder.Resource.Deployment.GpuCount = count;
        return builder;
    }

    /// <summary>An environment variable (e.g. <c>Email__SmtpPassword</c>) taken from the cluster's Secret; locally the service's development default applies.</summary>
    public static IResourceBuilder<ProjectResource> WithSecret(this IResourceBuilder<ProjectResource> builder, string environmentVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentVariable);
        builder.Resource.Deployment.SecretEnvironmentVariables.Add(environmentVariable);
        return builder;
    }

    /// <summary>A Secret of key-per-file configuration mounted at <c>/run/secrets</c>, for key rings whose key names change.</summary>
    public static IResourceBuilder<ProjectResource> WithSecretFiles(this IResourceBuilder<ProjectResource> builder, string secretName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        builder.Resource.Deployment.SecretFilesName = secretName;
        return builder;
    }

    /// <summary>Allows calls out of the cluster on <paramref name="port"/> (everything else is denied by network policy).</summary>
    public static IResourceBuilder<ProjectResource> WithExternalEgress(this IResourceBuilder<ProjectResource> builder, int port)
    {
        builder.Resource.Deployment.ExternalEgressPorts.Add(port);
        return builder;
    }
}

using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>A service project, by its generated metadata class (<c>Projects.Identity_Api</c>).</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject());

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata) =>
        builder.AddResource(new ProjectResource(name, metadata));

    /// <summary>Pins the HTTP port (the gateway's public 8080); without it the runner picks a free port.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port = null)
    {
        builder.Resource.HttpEndpoint.Port = port;
        return builder;
    }

    /// <summary>The path polled for readiness (200 = healthy); <c>/health</c> by default.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(this IResourceBuilder<ProjectResource> builder, string path)
    {
        builder.Resource.HealthCheckPath = path;
        return builder;
    }
}

using ClosetConnect.AppHost.Hosting.Deployment;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>The application model as the manifests see it: projects (read once) and the servers they can run in a cluster.</summary>
internal sealed record PublishedModel(IReadOnlyList<PublishedProject> Projects, IReadOnlyList<IResource> Servers)
{
    public static async Task<PublishedModel> ReadAsync(
        DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        var projects = new List<PublishedProject>();
        foreach (var project in model.Resources.OfType<ProjectResource>())
        {
            projects.Add(await PublishedProject.ReadAsync(project, executionContext, cancellationToken));
        }
        return new PublishedModel(projects, [.. model.Resources.Where(r => r.Annotations.OfType<ClusterServerAnnotation>().Any())]);
    }

    public IEnumerable<SharedFolder> SharedFolders => Projects.SelectMany(p => p.SharedFolders).DistinctBy(f => f.Name);
}

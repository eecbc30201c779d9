using ClosetConnect.AppHost.Hosting.Deployment;
using ClosetConnect.AppHost.Hosting.MariaDb;
using ClosetConnect.AppHost.Hosting.RabbitMQ;
using ClosetConnect.AppHost.Hosting.Redis;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>The application model as the manifests see it: projects (read once) and the servers by kind.</summary>
internal sealed record PublishedModel(
    IReadOnlyList<PublishedProject> Projects,
    IReadOnlyList<MariaDbServerResource> MariaDbServers,
    IReadOnlyList<RabbitMQServerResource> Brokers,
    IReadOnlyList<RedisServerResource> RedisServers)
{
    public static async Task<PublishedModel> ReadAsync(
        DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        var projects = new List<PublishedProject>();
        foreach (var project in model.Resources.OfType<ProjectResource>())
        {
            projects.Add(await PublishedProject.ReadAsync(project, executionContext, cancellationToken));
        }
        return new PublishedModel(
            projects,
            [.. model.Resources.OfType<MariaDbServerResource>()],
            [.. model.Resources.OfType<RabbitMQServerResource>()],
            [.. model.Resources.OfType<RedisServerResource>()]);
    }

    public IEnumerable<SharedFolder> SharedFolders => Projects.SelectMany(p => p.SharedFolders).DistinctBy(f => f.Name);
}

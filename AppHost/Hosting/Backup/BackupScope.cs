using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting.Backup;

/// <summary>What a backup holds, read from the model: every MariaDB database (all service data) and every shared folder (blobs).</summary>
internal sealed class BackupScope(IReadOnlyList<IResource> resources)
{
    public IReadOnlyList<MariaDbServerResource> Servers { get; } = [.. resources.OfType<MariaDbServerResource>()];

    public IReadOnlyList<MariaDbDatabaseResource> Databases { get; } = [.. resources.OfType<MariaDbDatabaseResource>()];

    public IReadOnlyList<SharedFolder> Folders { get; } =
        [.. resources.OfType<ProjectResource>().SelectMany(p => p.Deployment.SharedFolders.Values).Distinct()];

    /// <summary>
    /// Makes the servers reachable for <paramref name="work"/>: the application's own when it runs in this process, another
    /// AppHost's on the same state directory (ports from run/endpoints.json), or started here and stopped afterwards.
    /// </summary>
    public async Task WithServersAsync(DistributedApplication app, bool allowRunningApplication, Func<Task> work, CancellationToken cancellationToken)
    {
        if (app.IsStarted)
        {
            await work();
            return;
        }
        if (app.TryAdoptRunningApplication())
        {
            if (!allowRunningApplication)
            {
                throw new DistributedApplicationException(
                    $"An AppHost is running on {app.StateDirectory}: stop it first, so no service writes while its data is replaced.");
            }
            await work();
            return;
        }
        await app.StartResourcesAsync([.. Servers.Select(s => s.Name)], cancellationToken);
        try
        {
            await work();
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}

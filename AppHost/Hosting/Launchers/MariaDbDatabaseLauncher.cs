using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Orchestration;

namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>A database has no process: its server's init file creates it; it is healthy when its own user can log in to it.</summary>
internal sealed class MariaDbDatabaseLauncher(MariaDbDatabaseResource database) : IResourceLauncher
{
    public bool RestartOnCrash => false;

    public Task<ChildProcessSpec?> PrepareAsync(CancellationToken cancellationToken) => Task.FromResult<ChildProcessSpec?>(null);

    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) =>
        MariaDbLogin.CanLogInAsync(database.GetConnectionString(), cancellationToken);
}

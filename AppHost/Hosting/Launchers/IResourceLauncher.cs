using ClosetConnect.AppHost.Hosting.Orchestration;

namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>How one kind of resource is started and checked: the part that differs between MariaDB, RabbitMQ, Redis and projects.</summary>
internal interface IResourceLauncher
{
    /// <summary>Projects are restarted with backoff when they crash; a crashed server stays down and says so.</summary>
    bool RestartOnCrash { get; }

    /// <summary>Writes configuration and first-run data, and says what to launch; null for a resource without a process (a database).</summary>
    Task<ChildProcessSpec?> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>One readiness check through the resource's own protocol; true when it serves requests.</summary>
    Task<bool> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>After the first passing readiness check, e.g. to remove an init file that holds passwords.</summary>
    Task OnHealthyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After the process stopped, e.g. to stop a daemon it left behind.</summary>
    Task OnStoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

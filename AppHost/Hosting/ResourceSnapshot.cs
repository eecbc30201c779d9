using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClosetConnect.AppHost.Hosting;

/// <summary>Where a resource is in its life.</summary>
public enum ResourceState
{
    NotStarted,
    /// <summary>Held back by <c>WaitFor</c> until its dependencies are healthy.</summary>
    Waiting,
    Starting,
    Running,
    /// <summary>Exited without being asked to; a project is restarted after a backoff delay.</summary>
    Exited,
    FailedToStart,
    Stopping,
    Stopped,
}

/// <summary>What the AppHost knows about one resource at one moment: for tests, the dashboard and its JSON.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string ResourceType,
    ResourceState State,
    HealthStatus? Health,
    IReadOnlyDictionary<string, int> Ports,
    int? Pid = null,
    int Restarts = 0,
    int? ExitCode = null,
    DateTimeOffset? StartedAt = null,
    string? Message = null)
{
    public bool IsHealthy => State == ResourceState.Running && Health == HealthStatus.Healthy;
}

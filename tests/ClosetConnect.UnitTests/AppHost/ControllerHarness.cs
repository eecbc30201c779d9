using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Launchers;
using ClosetConnect.AppHost.Hosting.Orchestration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClosetConnect.UnitTests.AppHost;

/// <summary>A launcher whose process, readiness and failures the test decides.</summary>
internal sealed class ScriptedLauncher(bool restartOnCrash = false, ChildProcessSpec? process = null) : IResourceLauncher
{
    public bool RestartOnCrash => restartOnCrash;

    public volatile bool IsHealthy;

    public Exception? PrepareFailure { get; init; }

    public Task<ChildProcessSpec?> PrepareAsync(CancellationToken cancellationToken) =>
        PrepareFailure is null ? Task.FromResult(process) : Task.FromException<ChildProcessSpec?>(PrepareFailure);

    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(IsHealthy);

    public static ChildProcessSpec Shell(string script) =>
        new("/bin/sh", ["-c", script], Path.GetTempPath(), new Dictionary<string, string>());
}

/// <summary>Real controllers, notifications, logs and process records in a temporary state directory.</summary>
internal sealed class ControllerHarness : IDisposable
{
    private readonly TestStateDirectory state = new();
    private readonly StateLayout layout;
    private readonly ResourceLogs logs;

    public ControllerHarness()
    {
        layout = new StateLayout(state.Path);
        logs = new ResourceLogs(layout, echoToConsole: false, TimeProvider.System);
        Registry = new ChildProcessRegistry(layout, NullLogger<ChildProcessRegistry>.Instance);
    }

    public ResourceNotificationService Notifications { get; } = new();

    public ChildProcessRegistry Registry { get; }

    public string ProcessRecordsFile => layout.ProcessRecordsFile;

    public AppHostOptions Options { get; } = new()
    {
        StopGracePeriod = TimeSpan.FromMilliseconds(500),
        RestartInitialDelay = TimeSpan.FromMilliseconds(10),
        RestartMaxDelay = TimeSpan.FromMilliseconds(40),
    };

    public ResourceController Create(IResource resource, IResourceLauncher launcher)
    {
        ModelPreparation.AllocatePorts([resource], useRandomPorts: true);
        Notifications.Publish(ModelPreparation.InitialSnapshot(resource));
        return new ResourceController(
            resource, launcher, Notifications, logs.For(resource.Name), Registry, RestartPolicy.From(Options), Options,
            TimeProvider.System, NullLogger.Instance);
    }

    public IReadOnlyList<string> Logs(string resourceName) => logs.RecentLines(resourceName, 100);

    public void Dispose()
    {
        logs.Dispose();
        state.Dispose();
    }
}

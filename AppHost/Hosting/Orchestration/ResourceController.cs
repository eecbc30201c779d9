using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Launchers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// The life of one resource: wait for its dependencies, launch, poll readiness, watch it, restart it (projects)
/// or report it down (servers), and stop it on request. State changes go to the notification service.
/// </summary>
internal sealed class ResourceController(
    IResource resource,
    IResourceLauncher launcher,
    ResourceNotificationService notifications,
    ResourceLogStream log,
    ChildProcessRegistry registry,
    RestartPolicy restartPolicy,
    AppHostOptions options,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan FirstReadinessDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxReadinessDelay = TimeSpan.FromSeconds(1);
    private readonly Lock gate = new();
    private CancellationTokenSource? runCancellation;
    private Task runTask = Task.CompletedTask;
    private ChildProcess? process;

    public IResource Resource => resource;

    public bool IsProject => resource is ProjectResource;

    /// <summary>Starts the resource in the background; does nothing while it is already running. A server that
    /// crashed or failed to start is started again.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (runCancellation is not null && !runTask.IsCompleted)
            {
                return;
            }
            runCancellation?.Dispose();
            runCancellation = new CancellationTokenSource();
            var stopping = runCancellation.Token;
            runTask = Task.Run(() => RunAsync(stopping), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        CancellationTokenSource? cancellation;
        ChildProcess? current;
        Task running;
        lock (gate)
        {
            cancellation = runCancellation;
            runCancellation = null;
            // Cancelled under the lock: no new process can be launched after this point.
            cancellation?.Cancel();
            current = process;
            process = null;
            running = runTask;
        }
        if (cancellation is null)
        {
            return;
        }
        Update(s => s with { State = ResourceState.Stopping });
        if (current is not null)
        {
            log.WriteNotice($"Stopping pid {current.Pid}");
            var exitCode = await current.StopAsync(options.StopGracePeriod, cancellationToken);
            registry.RemoveProcess(current.Pid);
            current.Dispose();
            log.WriteNotice($"Stopped (exit code {exitCode})");
        }
        await running;
        await launcher.OnStoppedAsync(cancellationToken);
        cancellation.Dispose();
        Update(s => s with { State = ResourceState.Stopped, Health = null, Pid = null });
    }

    /// <summary>The periodic health check of a resource that passed readiness once.</summary>
    public async Task RefreshHealthAsync(CancellationToken cancellationToken)
    {
        var snapshot = notifications.GetSnapshot(resource.Name);
        if (snapshot.State != ResourceState.Running || snapshot.Health is null)
        {
            return;
        }
        var healthy = await launcher.CheckHealthAsync(cancellationToken);
        Update(s => s.State == ResourceState.Running ? s with { Health = healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy } : s);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await WaitForDependenciesAsync(stopping);
            if (launcher.RestartOnCrash)
            {
                await restartPolicy.SuperviseAsync(RunOnceAsync, OnRestart, time, stopping);
            }
            else
            {
                await RunOnceAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Asked to stop; StopAsync does the rest.
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Resource} failed to start", resource.Name);
            log.WriteNotice($"Failed to start: {e.Message}");
            Update(s => s with { State = ResourceState.FailedToStart, Health = HealthStatus.Unhealthy, Message = e.Message });
        }
    }

    private async Task WaitForDependenciesAsync(CancellationToken stopping)
    {
        if (resource.WaitsFor.Count == 0)
        {
            return;
        }
        Update(s => s with { State = ResourceState.Waiting, Message = $"waiting for {string.Join(", ", resource.WaitsFor.Select(d => d.Name))}" });
        foreach (var dependency in resource.WaitsFor)
        {
            try
            {
                await notifications.WaitForResourceHealthyAsync(dependency.Name, stopping);
            }
            catch (DistributedApplicationException e)
            {
                throw new DistributedApplicationException($"its dependency '{dependency.Name}' failed to start.", e);
            }
        }
    }

    private async Task<RunOutcome> RunOnceAsync(CancellationToken stopping)
    {
        var spec = await launcher.PrepareAsync(stopping);
        Update(s => s with { State = ResourceState.Starting, Health = null, Message = null, ExitCode = null });
        if (spec is null)
        {
            // Nothing to launch (a database): healthy when its check passes, "running" until stopped.
            await WaitUntilReadyAsync(child: null, stopping);
            Update(s => s with { State = ResourceState.Running, Health = HealthStatus.Healthy, StartedAt = time.GetUtcNow() });
            await Task.Delay(Timeout.Infinite, stopping);
            return RunOutcome.Stopped;
        }

        ChildProcess child;
        lock (gate)
        {
            stopping.ThrowIfCancellationRequested();
            child = ChildProcess.Start(spec, log, time);
            process = child;
        }
        registry.AddProcess(resource.Name, child.Pid);
        log.WriteNotice($"Started pid {child.Pid}: {spec.FileName} {string.Join(' ', spec.Arguments)}");
        Update(s => s with { State = ResourceState.Running, Pid = child.Pid, StartedAt = child.StartedAt });

        var ready = await WaitUntilReadyAsync(child, stopping);
        if (ready)
        {
            await launcher.OnHealthyAsync(stopping);
            log.WriteNotice($"Healthy after {(time.GetUtcNow() - child.StartedAt).TotalSeconds:0.0} s");
            Update(s => s with { Health = HealthStatus.Healthy });
        }

        var exitCode = await child.Exited.WaitAsync(stopping);
        lock (gate)
        {
            if (ReferenceEquals(process, child))
            {
                process = null;
            }
        }
        await child.StopAsync(TimeSpan.Zero, stopping); // its group, if anything of it is left
        registry.RemoveProcess(child.Pid);
        child.Dispose();

        var uptime = time.GetUtcNow() - child.StartedAt;
        var message = $"exited unexpectedly with code {exitCode} after {uptime.TotalSeconds:0.0} s; see {Path.GetFileName(log.Path)}";
        log.WriteNotice(message);
        if (!ready)
        {
            // A test run deletes its state folder: the reason must travel with the failure.
            message += $"; last output: {string.Join(" | ", log.RecentLines(8).Select(line => line.Trim()))}";
        }

        logger.LogWarning("{Resource} {Message}", resource.Name, message);
        var failed = !ready && !launcher.RestartOnCrash;
        Update(s => s with
        {
            State = failed ? ResourceState.FailedToStart : ResourceState.Exited,
            Health = HealthStatus.Unhealthy,
            Pid = null,
            ExitCode = exitCode,
            Message = message,
        });
        return new RunOutcome(Crashed: true, exitCode, uptime);
    }

    /// <summary>Polls readiness quickly at first, then once a second; false when the process exits first.</summary>
    private async Task<bool> WaitUntilReadyAsync(ChildProcess? child, CancellationToken stopping)
    {
        var delay = FirstReadinessDelay;
        while (true)
        {
            if (child?.Exited.IsCompleted == true)
            {
                return false;
            }
            if (await launcher.CheckHealthAsync(stopping))
            {
                return true;
            }
            Update(s => s.Health == HealthStatus.Unhealthy ? s : s with { Health = HealthStatus.Unhealthy });
            var wait = Task.Delay(delay, time, stopping);
            await (child is null ? wait : Task.WhenAny(wait, child.Exited));
            stopping.ThrowIfCancellationRequested();
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReadinessDelay.Ticks));
        }
    }

    private void OnRestart(PlannedRestart restart)
    {
        log.WriteNotice($"Restarting in {restart.Delay.TotalSeconds:0.#} s");
        logger.LogWarning("Restarting {Resource} in {Delay} (exit code {ExitCode})", resource.Name, restart.Delay, restart.ExitCode);
        Update(s => s with { Restarts = s.Restarts + 1, Message = $"{s.Message}; restarting in {restart.Delay.TotalSeconds:0.#} s" });
    }

    private void Update(Func<ResourceSnapshot, ResourceSnapshot> change) => notifications.Update(resource.Name, change);
}

using ClosetConnect.AppHost.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// Runs the whole model: stops orphans of a killed earlier run, starts every resource at once (each waits for its
/// own dependencies), checks health periodically, and on shutdown stops projects first, then servers.
/// </summary>
internal sealed class ResourceOrchestrator(
    IReadOnlyList<ResourceController> controllers,
    StateLayout state,
    ChildProcessRegistry registry,
    IOptions<AppHostOptions> options,
    TimeProvider time,
    ILogger<ResourceOrchestrator> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource monitorCancellation = new();
    private FileStream? stateLock;
    private Task monitor = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StartOnlyAsync(controllers.Select(c => c.Resource.Name), cancellationToken);
    }

    /// <summary>Starts some resources only, e.g. MariaDB for <c>backup</c> and <c>restore</c>; their dependencies must be among them.</summary>
    public async Task StartOnlyAsync(IEnumerable<string> resourceNames, CancellationToken cancellationToken)
    {
        var selected = resourceNames.Select(Get).ToList();
        stateLock = LockStateDirectory();
        await registry.StopOrphansAsync(options.Value.StopGracePeriod, cancellationToken);
        EnsureFixedPortsAreFree(selected);
        EndpointRecord.Write(state, controllers.Select(c => c.Resource));
        logger.LogInformation("Starting {Count} resources; state in {StateDirectory}", selected.Count, state.Root);
        foreach (var controller in selected)
        {
            controller.Start();
        }
        monitor = MonitorHealthAsync(monitorCancellation.Token);
    }

    /// <summary>True while another AppHost process runs on this state directory.</summary>
    public bool IsStateDirectoryInUse()
    {
        try
        {
            using var probe = new FileStream(state.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await monitorCancellation.CancelAsync();
        await monitor;
        // Projects first: they hold connections to the servers and should close them while the servers are up.
        await Task.WhenAll(controllers.Where(c => c.IsProject).Select(c => c.StopAsync(cancellationToken)));
        await Task.WhenAll(controllers.Where(c => !c.IsProject).Select(c => c.StopAsync(cancellationToken)));
        logger.LogInformation("All resources stopped");
        stateLock?.Dispose();
        stateLock = null;
    }

    public ResourceController Get(string resourceName) =>
        controllers.FirstOrDefault(c => c.Resource.Name == resourceName)
        ?? throw new ArgumentException($"No resource is named '{resourceName}'.", nameof(resourceName));

    public void Dispose()
    {
        monitorCancellation.Dispose();
        stateLock?.Dispose();
    }

    /// <summary>Two AppHosts on one state directory would fight over data and each other's processes.</summary>
    private FileStream LockStateDirectory()
    {
        try
        {
            return new FileStream(state.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new DistributedApplicationException(
                $"Another AppHost is running with the state directory {state.Root}; stop it, or set AppHost:StateDirectory.", e);
        }
    }

    private static void EnsureFixedPortsAreFree(IEnumerable<ResourceController> selected)
    {
        var busy = selected
            .Select(c => c.Resource)
            .OfType<IResourceWithEndpoints>()
            .SelectMany(r => r.Endpoints.Where(e => e.Port is not null && e.AllocatedPort == e.Port).Select(e => (Resource: r, Endpoint: e)))
            .Where(x => !PortAllocator.IsFree(x.Endpoint.RequiredPort))
            .ToList();
        if (busy.Count > 0)
        {
            throw new DistributedApplicationException(string.Join(" ", busy.Select(x =>
                $"Port {x.Endpoint.RequiredPort} of '{x.Resource.Name}' is in use (e.g. --AppHost:GatewayPort=... picks another for the gateway).")));
        }
    }

    private async Task MonitorHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.HealthCheckInterval, time, cancellationToken);
                await Task.WhenAll(controllers.Select(c => c.RefreshHealthAsync(cancellationToken)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}

using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Commands;
using ClosetConnect.AppHost.Hosting.Orchestration;
using ClosetConnect.AppHost.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.AppHost.Hosting;

/// <summary>
/// A built application model with the host that runs it: <c>Run()</c> from Program, or Start/Stop from tests, as
/// Aspire's class of the same name.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IHost host;
    private readonly StateLayout state;
    private readonly bool deleteStateOnDispose;
    private bool started;
    private bool partlyStarted;
    private bool disposed;

    internal DistributedApplication(IHost host, IReadOnlyList<IResource> resources, StateLayout state, string[] args, bool deleteStateOnDispose)
    {
        this.host = host;
        this.state = state;
        this.deleteStateOnDispose = deleteStateOnDispose;
        Resources = resources;
        Args = args;
    }

    public IServiceProvider Services => host.Services;

    public IReadOnlyList<IResource> Resources { get; }

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public string StateDirectory => state.Root;

    internal string[] Args { get; }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        EntryPointInterception.Current is { } interception
            ? interception.CreateBuilder(args)
            : new DistributedApplicationBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) => new DistributedApplicationBuilder(options);

    /// <summary>Runs the command named by the first argument (<c>run</c> when there is none) and sets the exit code.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var (command, commandArgs) = AppHostCommands.Select(Args);
        Environment.ExitCode = await command.ExecuteAsync(this, commandArgs, cancellationToken);
    }

    /// <summary>Starts every resource in the background; wait with <see cref="WaitForResourceHealthyAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            // Invalid settings stop the host before anything starts; there is nothing to stop (and stopping throws).
            throw;
        }
        catch
        {
            // Some resources may be running: StopAsync/DisposeAsync must still stop them.
            started = true;
            throw;
        }

        started = true;
    }

    /// <summary>Stops projects, then servers; every child process is gone when this completes.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (started)
        {
            started = false;
            await host.StopAsync(cancellationToken);
        }
        if (partlyStarted)
        {
            partlyStarted = false;
            await Services.GetRequiredService<ResourceOrchestrator>().StopAsync(cancellationToken);
        }
    }

    /// <summary>True once <see cref="StartAsync"/> ran (every resource was asked to start).</summary>
    internal bool IsStarted => started;

    /// <summary>Starts only these resources (e.g. MariaDB for <c>backup</c>); <see cref="StopAsync"/> stops them.</summary>
    internal async Task StartResourcesAsync(IReadOnlyCollection<string> resourceNames, CancellationToken cancellationToken)
    {
        partlyStarted = true;
        await Services.GetRequiredService<ResourceOrchestrator>().StartOnlyAsync(resourceNames, cancellationToken);
        foreach (var name in resourceNames)
        {
            await WaitForResourceHealthyAsync(name, cancellationToken);
        }
    }

    /// <summary>Another AppHost process runs on this state directory: reach its servers on the ports it recorded.</summary>
    internal bool TryAdoptRunningApplication() =>
        Services.GetRequiredService<ResourceOrchestrator>().IsStateDirectoryInUse()
        && EndpointRecord.TryAdopt(Services.GetRequiredService<StateLayout>(), Resources);

    /// <summary>Runs until the host is told to stop (Ctrl+C, SIGTERM, SIGHUP), then stops everything.</summary>
    internal async Task RunUntilShutdownAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        await host.WaitForShutdownAsync(cancellationToken);
        started = false;
    }

    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default) =>
        ResourceNotifications.WaitForResourceHealthyAsync(resourceName, cancellationToken);

    /// <summary>The URL of an endpoint, e.g. <c>http://127.0.0.1:8080</c> for the gateway's "http".</summary>
    public Uri GetEndpoint(string resourceName, string? endpointName = null)
    {
        var resource = FindResource(resourceName) as IResourceWithEndpoints
            ?? throw new ArgumentException($"Resource '{resourceName}' has no endpoints.", nameof(resourceName));
        var endpoint = endpointName is null
            ? resource.Endpoints[0]
            : resource.Endpoints.FirstOrDefault(e => e.Name == endpointName)
                ?? throw new ArgumentException($"Resource '{resourceName}' has no endpoint '{endpointName}'.", nameof(endpointName));
        return endpoint.Url;
    }

    /// <summary>An HttpClient whose base address is the resource's HTTP endpoint; the caller disposes it.</summary>
    public HttpClient CreateHttpClient(string resourceName, string? endpointName = null) =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName ?? "http") };

    /// <summary>The value a service referencing this resource gets as <c>ConnectionStrings__{name}</c>.</summary>
    public ValueTask<string?> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(FindResource(resourceName) is IResourceWithConnectionString withConnectionString
            ? withConnectionString.GetConnectionString()
            : null);

    /// <summary>The environment variables a project is launched with (its own <c>WithEnvironment</c> values included).</summary>
    public IReadOnlyDictionary<string, string> GetEnvironmentVariables(string resourceName)
    {
        var project = FindResource(resourceName) as ProjectResource
            ?? throw new ArgumentException($"Resource '{resourceName}' is not a project.", nameof(resourceName));
        var context = Services.GetRequiredService<Launchers.LauncherContext>();
        return ProjectEnvironment.For(project, new ProjectEnvironmentSettings(context.EnvironmentName, context.Telemetry.Export));
    }

    /// <summary>Stops one resource (SIGTERM, grace period, SIGKILL), e.g. to test how services ride out a broker outage.</summary>
    public Task StopResourceAsync(string resourceName, CancellationToken cancellationToken = default) =>
        Services.GetRequiredService<ResourceOrchestrator>().Get(resourceName).StopAsync(cancellationToken);

    /// <summary>Starts a stopped resource again, on the same ports and data.</summary>
    public Task StartResourceAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        Services.GetRequiredService<ResourceOrchestrator>().Get(resourceName).Start();
        return Task.CompletedTask;
    }

    /// <summary>A folder under the state directory (created), e.g. <c>StatePath("mail")</c> for the dev mailbox.</summary>
    public string StatePath(string relativePath) => state.Folder(relativePath);

    /// <summary>The last lines a resource wrote (also in <c>logs/{resource}.log</c>), for test failure messages.</summary>
    public IReadOnlyList<string> GetResourceLogs(string resourceName, int lines = 100) =>
        Services.GetRequiredService<ResourceLogs>().RecentLines(resourceName, lines);

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        await StopAsync();
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
        if (deleteStateOnDispose)
        {
            Directory.Delete(state.Root, recursive: true);
        }
    }

    private IResource FindResource(string resourceName) =>
        Resources.FirstOrDefault(r => r.Name == resourceName)
        ?? throw new ArgumentException($"No resource is named '{resourceName}'.", nameof(resourceName));
}

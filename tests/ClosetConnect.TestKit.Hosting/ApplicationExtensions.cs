using ClosetConnect.AppHost.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClosetConnect.TestKit.Hosting;

/// <summary>What tests ask of a running Aspire application beyond what Aspire.Hosting.Testing offers.</summary>
public static class ApplicationExtensions
{
    /// <summary>A path in the application's state directory (<c>AppHost:StateDirectory</c>), e.g. the dev mailbox.</summary>
    public static string StatePath(this DistributedApplication app, params string[] relativePath) =>
        Path.Combine([app.Services.GetRequiredService<IConfiguration>()[AppHostState.StateDirectoryKey]
            ?? throw new InvalidOperationException("Tests give the AppHost a state directory of their own."), .. relativePath]);

    public static IReadOnlyList<IResource> Resources(this DistributedApplication app) =>
        [.. app.Services.GetRequiredService<DistributedApplicationModel>().Resources];

    public static T Resource<T>(this DistributedApplication app, string name) where T : IResource =>
        app.Resources().OfType<T>().Single(r => r.Name == name);

    /// <summary>Aspire's stop command, as the dashboard's Stop button, until the process has ended; the restart policy leaves it stopped.</summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        await RunCommandAsync(app, name, KnownResourceCommands.StopCommand, cancellationToken);
        await app.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, cancellationToken);
    }

    public static async Task StartResourceAsync(this DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        await RunCommandAsync(app, name, KnownResourceCommands.StartCommand, cancellationToken);
        await app.WaitUntilHealthyAsync(name, cancellationToken);
    }

    /// <summary>Waits through a stop or crash (the restart policy brings it back) until the resource is healthy.</summary>
    public static Task WaitUntilHealthyAsync(this DistributedApplication app, string name, CancellationToken cancellationToken) =>
        app.ResourceNotifications.WaitForResourceHealthyAsync(name, WaitBehavior.WaitOnResourceUnavailable, cancellationToken);

    public static async Task RunCommandAsync(this DistributedApplication app, string name, string command, CancellationToken cancellationToken)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(name, command, cancellationToken);
        Assert.That(result.Success, Is.True, $"{command} {name}: {result.Message}");
    }

    /// <summary>The resource's latest snapshot (state, health, environment, properties).</summary>
    public static CustomResourceSnapshot Snapshot(this DistributedApplication app, string name) =>
        app.ResourceNotifications.TryGetCurrentState(name, out var update) ? update.Snapshot : throw new InvalidOperationException($"No resource {name}.");

    /// <summary>The environment DCP gave the process, as the dashboard shows it.</summary>
    public static IReadOnlyDictionary<string, string?> EnvironmentOf(this DistributedApplication app, string name) =>
        app.Snapshot(name).EnvironmentVariables.Where(v => v.IsFromSpec).ToDictionary(v => v.Name, v => v.Value);

    /// <summary>The process id DCP started for the resource (for a project: its <c>dotnet run</c>).</summary>
    public static int ProcessId(this DistributedApplication app, string name) =>
        // The dashboard's "executable.pid" property.
        Convert.ToInt32(app.Snapshot(name).Properties.Single(p => p.Name == "executable.pid").Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every console line the resource (all its replicas) wrote so far, as the dashboard's console log shows it.</summary>
    public static async Task<IReadOnlyList<string>> ConsoleLogsAsync(this DistributedApplication app, IResource resource)
    {
        var lines = new List<string>();
        await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resource))
        {
            lines.AddRange(batch.Select(line => line.Content));
        }
        return lines;
    }
}


namespace ClosetConnect.AppHost.Tests.Servers;

/// <summary>
/// The AppHost as <c>./run.sh</c> runs it, a process of its own: killed with SIGKILL (no chance to clean up), it
/// leaves nothing behind, because DCP watches its parent and stops every server and service it started.
/// </summary>
[NonParallelizable]
[CancelAfter(240_000)]
public sealed class AppHostProcessTests
{
    private static readonly TimeSpan CleanupLimit = TimeSpan.FromSeconds(30);
    // Servers by binary, services by their own process (each runs below a `dotnet run`). The gateway waits for the
    // APIs to be healthy; it starts and stops like them, so the test does not wait for it.
    private static readonly string[] Expected =
        ["mariadbd", "beam.smp", "epmd -port", "redis-server", "net10.0/Identity.Api", "net10.0/Closet.Api", "net10.0/Payments.Api", "net10.0/Vision.Worker"];

    [Test]
    public async Task Kill_9_of_the_AppHost_leaves_no_server_or_service_running(CancellationToken cancellationToken)
    {
        using var state = new TemporaryState();
        using var appHost = AppHostCommandLine.Start([state.Argument, "--DcpPublisher:RandomizePorts=true", .. Dashboard.Arguments()]);
        appHost.OutputDataReceived += (_, _) => { };
        appHost.ErrorDataReceived += (_, _) => { };
        appHost.BeginOutputReadLine();
        appHost.BeginErrorReadLine();
        try
        {
            var started = await Eventually.GetAsync("every server and service running under the AppHost", () =>
            {
                var tree = Tree(appHost.Id);
                var names = tree.Select(ProcessName).ToList();
                return Task.FromResult(Expected.All(e => names.Any(n => n.Contains(e, StringComparison.Ordinal))) ? tree : null);
            }, cancellationToken, TimeSpan.FromSeconds(180));

            appHost.Kill();

            await Eventually.HoldsAsync($"every process of the AppHost gone ({ProcessTable.Describe(started.Where(ProcessTable.IsAlive))})",
                () => !started.Any(ProcessTable.IsAlive), cancellationToken, CleanupLimit);
        }
        finally
        {
            if (!appHost.HasExited)
            {
                appHost.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The AppHost's own children and DCP's, which runs detached but names the AppHost it watches.</summary>
    private static List<int> Tree(int appHost)
    {
        var dcp = ProcessTable.Mentioning($"--monitor {appHost}");
        return [.. ProcessTable.DescendantsOf(appHost), .. dcp, .. dcp.SelectMany(ProcessTable.DescendantsOf)];
    }

    private static string ProcessName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}

using System.Diagnostics;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>What to launch for a resource.</summary>
internal sealed record ChildProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment);

/// <summary>
/// A launched resource process. It runs through <c>setsid</c>, which makes it the leader of a new session and
/// process group with the same PID: Ctrl+C at the terminal then reaches the AppHost alone (which stops everything
/// in order), and one signal to the group reaches the child's whole tree.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly Task outputPumps;

    private ChildProcess(Process process, ResourceLogStream log, DateTimeOffset startedAt)
    {
        this.process = process;
        StartedAt = startedAt;
        Pid = process.Id;
        outputPumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, log, isError: false),
            PumpAsync(process.StandardError, log, isError: true));
        Exited = WaitForExitCodeAsync(process);
    }

    public int Pid { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Completes with the exit code (128 + signal when killed by a signal).</summary>
    public Task<int> Exited { get; }

    public static ChildProcess Start(ChildProcessSpec spec, ResourceLogStream log, TimeProvider time)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory,
        };
        startInfo.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {spec.FileName}.");
        // No child reads the terminal: closing stdin keeps them from competing with it.
        process.StandardInput.Close();
        return new ChildProcess(process, log, time.GetUtcNow());
    }

    /// <summary>A short-lived tool (e.g. mariadb-install-db): runs to its end, output to the resource's log.</summary>
    public static async Task<int> RunToCompletionAsync(ChildProcessSpec spec, ResourceLogStream log, TimeProvider time, CancellationToken cancellationToken)
    {
        using var child = Start(spec, log, time);
        try
        {
            var exitCode = await child.Exited.WaitAsync(cancellationToken);
            await child.outputPumps.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return exitCode;
        }
        catch (OperationCanceledException)
        {
            await child.StopAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            throw;
        }
    }

    /// <summary>SIGTERM, up to <paramref name="gracePeriod"/> to exit, then SIGKILL to the whole process group.</summary>
    public async Task<int> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (!Exited.IsCompleted)
        {
            Posix.Signal(Pid, Posix.SIGTERM);
            await Task.WhenAny(Exited, Task.Delay(gracePeriod, cancellationToken));
        }
        // Also when the leader exited by itself: whatever it forked into its group goes too.
        Posix.SignalGroup(Pid, Posix.SIGKILL);
        var exitCode = await Exited;
        // A daemon that escaped the group may hold the output pipes open; its logs do not matter past this point.
        await Task.WhenAny(outputPumps, Task.Delay(TimeSpan.FromSeconds(2), cancellationToken));
        return exitCode;
    }

    public void Dispose() => process.Dispose();

    private static async Task<int> WaitForExitCodeAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static async Task PumpAsync(StreamReader reader, ResourceLogStream log, bool isError)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                log.Write(line, isError);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe closed with the process.
        }
    }
}

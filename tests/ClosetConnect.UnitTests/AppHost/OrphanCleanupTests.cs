using System.Diagnostics;
using ClosetConnect.AppHost.Hosting.Orchestration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClosetConnect.UnitTests.AppHost;

[CancelAfter(20_000)]
public sealed class OrphanCleanupTests
{
    [Test]
    public async Task Processes_recorded_by_a_killed_run_are_stopped_at_the_next_start(CancellationToken cancellationToken)
    {
        using var state = new TestStateDirectory();
        var marker = $"{Random.Shared.Next(1000, 9999)}.{Random.Shared.Next(100, 999)}";
        using var orphan = Process.Start(new ProcessStartInfo("setsid", ["/bin/sh", "-c", $"sleep {marker} & sleep {marker}; wait"]))!;
        new ChildProcessRegistry(new StateLayout(state.Path), NullLogger<ChildProcessRegistry>.Instance).AddProcess("orphan", orphan.Id);
        Assert.That(await ProcessTable.WaitForCommandLinesContainingAsync(marker, 3, cancellationToken), Has.Count.EqualTo(3), "the shell and its two sleeps");

        var nextRun = new ChildProcessRegistry(new StateLayout(state.Path), NullLogger<ChildProcessRegistry>.Instance);
        await nextRun.StopOrphansAsync(TimeSpan.FromSeconds(2), cancellationToken);
        await orphan.WaitForExitAsync(cancellationToken);

        // Killed children linger as zombies until init reaps them, which takes a moment on a busy machine.
        for (var i = 0; i < 50 && ProcessTable.WithCommandLineContaining(marker).Count > 0; i++)
        {
            await Task.Delay(100, cancellationToken);
        }
        Assert.That(ProcessTable.WithCommandLineContaining(marker), Is.Empty);
    }

    [Test]
    public async Task A_recorded_pid_that_now_names_another_process_is_left_alone(CancellationToken cancellationToken)
    {
        using var state = new TestStateDirectory();
        var layout = new StateLayout(state.Path);
        // This test process, recorded with a start time that is not its own: a reused PID.
        File.WriteAllText(layout.ProcessRecordsFile,
            $$"""{"Processes":[{"Resource":"old","Pid":{{Environment.ProcessId}},"StartTime":1}],"EpmdDaemons":[]}""");

        await new ChildProcessRegistry(layout, NullLogger<ChildProcessRegistry>.Instance).StopOrphansAsync(TimeSpan.FromSeconds(1), cancellationToken);

        Assert.Pass("still alive");
    }
}

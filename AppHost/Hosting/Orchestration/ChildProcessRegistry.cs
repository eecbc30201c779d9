using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// Records every child process group and private epmd in <c>run/processes.json</c>, so that a run that was
/// SIGKILLed (and so could not stop its children) has its orphans stopped at the next start.
/// </summary>
internal sealed class ChildProcessRegistry(StateLayout state, ILogger<ChildProcessRegistry> logger)
{
    private readonly Lock gate = new();

    public void AddProcess(string resource, int pid)
    {
        if (Posix.ProcessStartTime(pid) is { } startTime)
        {
            Update(records => records.Processes.Add(new ProcessRecord(resource, pid, startTime)));
        }
    }

    public void RemoveProcess(int pid) => Update(records => records.Processes.RemoveAll(p => p.Pid == pid));

    public void AddEpmd(string resource, int port) =>
        Update(records =>
        {
            if (!records.EpmdDaemons.Exists(e => e.Port == port))
            {
                records.EpmdDaemons.Add(new EpmdRecord(resource, port));
            }
        });

    public void RemoveEpmd(int port) => Update(records => records.EpmdDaemons.RemoveAll(e => e.Port == port));

    /// <summary>Stops what an earlier run left behind: SIGTERM, a grace period, then SIGKILL to the process group.</summary>
    public async Task StopOrphansAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        Records records;
        lock (gate)
        {
            records = Load();
        }
        var alive = records.Processes.Where(p => Posix.IsAlive(p.Pid, p.StartTime)).ToList();
        foreach (var orphan in alive)
        {
            logger.LogWarning("Stopping {Resource} (pid {Pid}) left running by an earlier AppHost run", orphan.Resource, orphan.Pid);
            Posix.Signal(orphan.Pid, Posix.SIGTERM);
        }
        var deadline = Stopwatch.StartNew();
        while (alive.Exists(p => Posix.IsAlive(p.Pid, p.StartTime)) && deadline.Elapsed < gracePeriod)
        {
            await Task.Delay(100, cancellationToken);
        }
        foreach (var orphan in alive)
        {
            Posix.SignalGroup(orphan.Pid, Posix.SIGKILL);
        }
        foreach (var epmd in records.EpmdDaemons)
        {
            await Epmd.StopAsync(epmd.Port, cancellationToken);
        }
        lock (gate)
        {
            Save(new Records());
        }
    }

    private void Update(Action<Records> change)
    {
        lock (gate)
        {
            var records = Load();
            change(records);
            Save(records);
        }
    }

    private Records Load()
    {
        try
        {
            return File.Exists(state.ProcessRecordsFile)
                ? JsonSerializer.Deserialize<Records>(File.ReadAllText(state.ProcessRecordsFile)) ?? new Records()
                : new Records();
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignoring unreadable {File}", state.ProcessRecordsFile);
            return new Records();
        }
    }

    private void Save(Records records)
    {
        var temporary = state.ProcessRecordsFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(records));
        File.Move(temporary, state.ProcessRecordsFile, overwrite: true);
    }

    internal sealed record ProcessRecord(string Resource, int Pid, ulong StartTime);

    internal sealed record EpmdRecord(string Resource, int Port);

    internal sealed class Records
    {
        public List<ProcessRecord> Processes { get; init; } = [];

        public List<EpmdRecord> EpmdDaemons { get; init; } = [];
    }
}

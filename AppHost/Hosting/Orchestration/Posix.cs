using System.Globalization;
using System.Runtime.InteropServices;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>The few POSIX calls .NET has no API for: signalling a process or a whole process group.</summary>
internal static partial class Posix
{
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    public static bool Signal(int pid, int signal) => pid > 0 && kill(pid, signal) == 0;

    /// <summary>Every child runs as the leader of its own process group (setsid), so this reaches its whole tree.</summary>
    public static bool SignalGroup(int processGroupId, int signal) => processGroupId > 0 && kill(-processGroupId, signal) == 0;

    /// <summary>The kernel's start time of a process (clock ticks since boot), or null when it does not exist.
    /// A recorded PID together with its start time names one process even after PIDs are reused.</summary>
    public static ulong? ProcessStartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 2 (comm) may hold spaces and parentheses; the fields after the last ')' start at field 3.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return ulong.Parse(fields[22 - 3], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static bool IsAlive(int pid, ulong startTime) => ProcessStartTime(pid) == startTime && !IsZombie(pid);

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}

using System.Globalization;

namespace ClosetConnect.TestKit.Hosting;

/// <summary>What `ps` would show: live (non-zombie) processes, read from /proc.</summary>
public static class ProcessTable
{
    public static IReadOnlyList<int> Matching(Func<int, bool> predicate) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && !IsZombie(pid) && predicate(pid)),
    ];

    /// <summary>Processes whose command line mentions <paramref name="text"/> (e.g. a private port or DCP's <c>--monitor PID</c>).</summary>
    public static IReadOnlyList<int> Mentioning(string text) =>
        Matching(pid => Read($"/proc/{pid}/cmdline").Contains(text, StringComparison.Ordinal));

    /// <summary>Every process below <paramref name="pid"/> (children, grandchildren, ...).</summary>
    public static IReadOnlyList<int> DescendantsOf(int pid)
    {
        var parents = Matching(_ => true).ToDictionary(p => p, ParentOf);
        var found = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }
        return found;
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    public static string Describe(IEnumerable<int> pids) =>
        string.Join("; ", pids.Select(pid => $"{pid}: {Read($"/proc/{pid}/cmdline")}"));

    private static int ParentOf(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var fields = stat.Length == 0 ? [] : stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) ? parent : 0;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static bool IsZombie(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length == 0 || stat[(stat.LastIndexOf(')') + 2)] == 'Z';
    }
}

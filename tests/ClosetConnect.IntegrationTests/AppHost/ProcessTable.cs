using System.Globalization;

namespace ClosetConnect.IntegrationTests.AppHost;

/// <summary>What `ps` would show: live (non-zombie) processes, read from /proc.</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<int> Matching(Func<int, bool> predicate) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && !IsZombie(pid) && predicate(pid)),
    ];

    /// <summary>Processes whose command line or environment mention <paramref name="text"/> (e.g. a state directory or a private port).</summary>
    public static IReadOnlyList<int> Mentioning(string text) =>
        Matching(pid => Read($"/proc/{pid}/cmdline").Contains(text, StringComparison.Ordinal)
            || Read($"/proc/{pid}/environ").Contains(text, StringComparison.Ordinal));

    public static bool IsAlive(int pid) => Matching(p => p == pid).Count > 0;

    public static string Describe(IEnumerable<int> pids) =>
        string.Join("; ", pids.Select(pid => $"{pid}: {Read($"/proc/{pid}/cmdline")}"));

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

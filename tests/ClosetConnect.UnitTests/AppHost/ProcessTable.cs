namespace ClosetConnect.UnitTests.AppHost;

/// <summary>What `ps` would show: live (non-zombie) processes, read from /proc.</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<int> WithCommandLineContaining(string text) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains(text, StringComparison.Ordinal) && !IsZombie(pid)),
    ];

    /// <summary>Waits until a freshly started shell has forked what it should (it takes a moment on a busy machine).</summary>
    public static async Task<IReadOnlyList<int>> WaitForCommandLinesContainingAsync(string text, int count, CancellationToken cancellationToken)
    {
        while (WithCommandLineContaining(text) is var found && found.Count < count)
        {
            await Task.Delay(20, cancellationToken);
        }
        return WithCommandLineContaining(text);
    }

    private static string CommandLine(int pid)
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

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
    }
}

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// The folders of the state directory: <c>data/{resource}</c> for servers, <c>logs/{resource}.log</c>,
/// <c>run/</c> for sockets, init files and the records of child processes, <c>parameters.json</c> for secrets.
/// </summary>
internal sealed class StateLayout(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string ParametersFile => Path.Combine(Ensure(Root), "parameters.json");

    public string LockFile => Path.Combine(Ensure(Root), "apphost.lock");

    public string ProcessRecordsFile => Path.Combine(RunDirectory, "processes.json");

    public string RunDirectory => Ensure(Path.Combine(Root, "run"));

    public string LogsDirectory => Ensure(Path.Combine(Root, "logs"));

    public string DataDirectory(string resourceName) => Ensure(Path.Combine(Root, "data", resourceName));

    public string LogFile(string resourceName) => Path.Combine(LogsDirectory, $"{resourceName}.log");

    /// <summary>A folder under the root (created); paths that climb out of the root are refused.</summary>
    public string Folder(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (full != Root && !full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is outside the state directory.", nameof(relativePath));
        }
        return Ensure(full);
    }

    private static string Ensure(string directory)
    {
        Directory.CreateDirectory(directory);
        return directory;
    }
}

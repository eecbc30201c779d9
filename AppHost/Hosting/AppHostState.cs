namespace ClosetConnect.AppHost.Hosting;

/// <summary>
/// Where the AppHost keeps what a second run must find: <c>.apphost/</c> at the repository root, or
/// <c>AppHost:StateDirectory</c> (tests give each run a temporary one). Server data lives in <c>data/{server}</c>.
/// </summary>
public static class AppHostState
{
    public const string StateDirectoryKey = "AppHost:StateDirectory";

    public static string StateDirectory(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration[StateDirectoryKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.AppHostDirectory, "..", ".apphost"));

    /// <summary>A folder under the state directory, created in run mode (publishing creates nothing on this machine).</summary>
    public static string StatePath(this IDistributedApplicationBuilder builder, params string[] relativePath)
    {
        var root = builder.StateDirectory();
        var path = Path.GetFullPath(Path.Combine([root, .. relativePath]));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{Path.Combine(relativePath)}' is outside the state directory {root}.", nameof(relativePath));
        }
        if (builder.ExecutionContext.IsRunMode)
        {
            Directory.CreateDirectory(path);
        }
        return path;
    }

    /// <summary>The private data folder of one server.</summary>
    public static string ServerDataPath(this IDistributedApplicationBuilder builder, string serverName) => builder.StatePath("data", serverName);
}

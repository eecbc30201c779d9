namespace ClosetConnect.AppHost.Hosting.Servers;

/// <summary>Finds a server binary on PATH and in the sbin folders that a non-root PATH lacks.</summary>
internal static class ServerBinary
{
    private static readonly string[] ExtraFolders = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

    /// <summary>The binary's full path, or its bare name when it is not installed (the start then fails with <see cref="EnsureInstalled"/>).</summary>
    public static string Locate(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return name;
        }
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraFolders);
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists) ?? name;
    }

    /// <summary>Fails the resource's start with the command that installs what is missing.</summary>
    public static void EnsureInstalled(string path, string package)
    {
        if (!Path.IsPathRooted(path) || !File.Exists(path))
        {
            throw new DistributedApplicationException(
                $"'{path}' was not found on PATH or in /usr/sbin: apt-get install {package} (./run.sh and ./test.sh install it when run as root).");
        }
    }
}

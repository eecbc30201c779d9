namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>Finds server binaries on PATH and in the sbin folders that a non-root PATH lacks.</summary>
internal static class Executables
{
    private static readonly string[] ExtraFolders = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

    public static string Find(string name, string installHint)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : throw Missing(name, installHint);
        }
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraFolders);
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists) ?? throw Missing(name, installHint);
    }

    /// <summary>The dotnet host that runs service assemblies: this process's own when it is dotnet, else the SDK's, else PATH's.</summary>
    public static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk) ? fromSdk : Find("dotnet", "install the .NET SDK");
    }

    private static DistributedApplicationException Missing(string name, string installHint) =>
        new($"'{name}' was not found on PATH or in /usr/sbin: {installHint} (./run.sh and ./test.sh install it when run as root).");
}

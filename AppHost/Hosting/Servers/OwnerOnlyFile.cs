namespace ClosetConnect.AppHost.Hosting.Servers;

/// <summary>Files that hold passwords (server configuration, init SQL): readable by their owner only, from the first byte.</summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task WriteAllTextAsync(string path, string contents, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The AppHost runs its servers on Linux.");
        }
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = OwnerReadWrite,
        }))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(contents.AsMemory(), cancellationToken);
        }
        // A file left by an earlier run keeps its own mode through the rename unless it is set here.
        File.SetUnixFileMode(temporary, OwnerReadWrite);
        File.Move(temporary, path, overwrite: true);
    }
}

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>Files that hold passwords (config files, init SQL, parameters.json): readable by their owner only, from the first byte.</summary>
internal static class OwnerOnlyFile
{
    public static async Task WriteAllTextAsync(string path, string contents, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(contents.AsMemory(), cancellationToken);
        }
        // An existing file keeps its old mode through File.Move's overwrite only if we set it: set it explicitly.
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
    }

    public static void WriteAllText(string path, string contents) =>
        WriteAllTextAsync(path, contents, CancellationToken.None).GetAwaiter().GetResult();
}

using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Backup;

namespace ClosetConnect.AppHost.Hosting.Commands;

/// <summary>
/// <c>restore &lt;archive&gt;</c>: checks the archive's checksums, then replaces every database and shared folder with
/// its contents. Meant for a stopped (or fresh) system: it starts MariaDB alone and refuses while an AppHost runs.
/// </summary>
public sealed class RestoreCommand : IAppHostCommand
{
    public string Name => "restore";

    public string Description => "restore <archive>: bring databases and the blob store back to a backup (AppHost stopped)";

    public async Task<int> ExecuteAsync(DistributedApplication app, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var archive = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (archive is null || !File.Exists(archive))
        {
            Console.Error.WriteLine(archive is null ? "Usage: restore <archive.tar.gz>" : $"No archive at {archive}.");
            return 2;
        }
        await RestoreAsync(app, archive, cancellationToken);
        Console.WriteLine($"Restored {archive}");
        return 0;
    }

    public static async Task RestoreAsync(DistributedApplication app, string archive, CancellationToken cancellationToken)
    {
        var scope = new BackupScope(app.Resources);
        var unpacked = Directory.CreateTempSubdirectory("closetconnect-restore-").FullName;
        try
        {
            var manifest = await BackupArchive.ExtractAsync(Path.GetFullPath(archive), unpacked, cancellationToken);
            var missing = manifest.Databases.Except(scope.Databases.Select(d => d.DatabaseName)).ToList();
            if (missing.Count > 0)
            {
                throw new DistributedApplicationException($"The archive holds databases this model does not have: {string.Join(", ", missing)}.");
            }

            await scope.WithServersAsync(app, allowRunningApplication: false, async () =>
            {
                foreach (var database in scope.Databases.Where(d => manifest.Databases.Contains(d.DatabaseName)))
                {
                    var dump = Path.Combine(unpacked, BackupManifest.DatabaseEntry(database.DatabaseName));
                    await new MariaDbClient(database.Parent).LoadAsync(database, dump, cancellationToken);
                }
            }, cancellationToken);

            foreach (var folder in scope.Folders.Where(f => manifest.Folders.Contains(f.Name)))
            {
                ReplaceFolder(folder, Path.Combine(unpacked, BackupManifest.FolderPrefix(folder.Name)));
            }
        }
        finally
        {
            Directory.Delete(unpacked, recursive: true);
        }
    }

    /// <summary>The folder ends up holding exactly what the backup held: files written after it are removed.</summary>
    private static void ReplaceFolder(SharedFolder folder, string source)
    {
        Directory.CreateDirectory(folder.LocalPath);
        foreach (var entry in new DirectoryInfo(folder.LocalPath).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
        if (!Directory.Exists(source))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.LocalPath, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

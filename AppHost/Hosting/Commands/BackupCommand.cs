using ClosetConnect.AppHost.Hosting.Backup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClosetConnect.AppHost.Hosting.Commands;

/// <summary>
/// <c>backup</c>: one archive with a consistent dump of every service database and the shared folders (blobs),
/// checksummed, in <c>AppHost:BackupDirectory</c>; keeps the newest <c>AppHost:BackupsToKeep</c>. Works on a running
/// application (dumps are <c>--single-transaction</c>) or starts MariaDB alone.
/// </summary>
public sealed class BackupCommand : IAppHostCommand
{
    public string Name => "backup";

    public string Description => "archive every database and the blob store (AppHost:BackupDirectory, AppHost:BackupsToKeep)";

    public async Task<int> ExecuteAsync(DistributedApplication app, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var archive = await CreateAsync(app, cancellationToken);
        Console.WriteLine($"Backup written: {archive}");
        return 0;
    }

    /// <summary>Writes the archive and prunes old ones; returns the archive's path.</summary>
    public static async Task<string> CreateAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var options = app.Services.GetRequiredService<IOptions<AppHostOptions>>().Value;
        var time = app.Services.GetRequiredService<TimeProvider>();
        var directory = Directory.CreateDirectory(options.BackupDirectory ?? app.StatePath("backups")).FullName;
        var scope = new BackupScope(app.Resources);
        var createdAt = time.GetUtcNow();
        var archive = Path.Combine(directory, BackupArchive.FileName(createdAt));
        var staging = Directory.CreateTempSubdirectory("closetconnect-backup-").FullName;
        try
        {
            var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
            await scope.WithServersAsync(app, allowRunningApplication: true, async () =>
            {
                foreach (var database in scope.Databases)
                {
                    var dump = Path.Combine(staging, $"{database.DatabaseName}.sql");
                    await new MariaDbClient(database.Parent).DumpAsync(database, dump, cancellationToken);
                    entries[BackupManifest.DatabaseEntry(database.DatabaseName)] = dump;
                }
            }, cancellationToken);

            foreach (var folder in scope.Folders.Where(f => Directory.Exists(f.LocalPath)))
            {
                foreach (var file in Directory.EnumerateFiles(folder.LocalPath, "*", SearchOption.AllDirectories))
                {
                    entries[BackupManifest.FolderPrefix(folder.Name) + Path.GetRelativePath(folder.LocalPath, file).Replace('\\', '/')] = file;
                }
            }

            var manifest = new BackupManifest(createdAt, [.. scope.Databases.Select(d => d.DatabaseName)], [.. scope.Folders.Select(f => f.Name)], new Dictionary<string, string>());
            await BackupArchive.WriteAsync(archive, manifest, entries, cancellationToken);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
        foreach (var expired in BackupArchive.Prune(directory, options.BackupsToKeep))
        {
            Console.WriteLine($"Deleted old backup {expired}");
        }
        return archive;
    }
}

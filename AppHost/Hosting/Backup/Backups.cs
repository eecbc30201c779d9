using ClosetConnect.AppHost.Hosting.Deployment;
using ClosetConnect.AppHost.Hosting.MariaDb;

namespace ClosetConnect.AppHost.Hosting.Backup;

/// <summary>
/// What a backup holds, read from the model: every database of the server (all service data) and the shared folders
/// given to <c>WithBackups</c> (the blobs). One checksummed archive per backup; see <see cref="BackupArchive"/>.
/// </summary>
internal sealed class Backups(MariaDbServerResource server, IReadOnlyList<SharedFolder> folders, string directory, TimeProvider time)
{
    /// <summary>Writes an archive and prunes to <paramref name="keep"/>; returns the archive's path. Works on a running application.</summary>
    public async Task<string> CreateAsync(int keep, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var createdAt = time.GetUtcNow();
        var archive = Path.Combine(directory, BackupArchive.FileName(createdAt));
        var staging = Directory.CreateTempSubdirectory("closetconnect-backup-").FullName;
        try
        {
            var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
            await using (await MaintenanceServer.OpenAsync(server, cancellationToken))
            {
                var client = new MariaDbClient(server);
                foreach (var database in server.Databases)
                {
                    var dump = Path.Combine(staging, $"{database.DatabaseName}.sql");
                    await client.DumpAsync(database, dump, cancellationToken);
                    entries[BackupManifest.DatabaseEntry(database.DatabaseName)] = dump;
                }
            }
            foreach (var folder in folders.Where(f => Directory.Exists(f.LocalPath)))
            {
                foreach (var file in Directory.EnumerateFiles(folder.LocalPath, "*", SearchOption.AllDirectories))
                {
                    entries[BackupManifest.FolderPrefix(folder.Name) + Path.GetRelativePath(folder.LocalPath, file).Replace('\\', '/')] = file;
                }
            }
            var manifest = new BackupManifest(createdAt, [.. server.Databases.Select(d => d.DatabaseName)], [.. folders.Select(f => f.Name)], new Dictionary<string, string>());
            await BackupArchive.WriteAsync(archive, manifest, entries, cancellationToken);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
        BackupArchive.Prune(directory, keep);
        return archive;
    }

    /// <summary>
    /// Checks the archive, then replaces every database and shared folder with its contents. Refuses while an AppHost
    /// runs on the data, so no service writes while it is replaced; the next start restores the users and grants.
    /// </summary>
    public async Task RestoreAsync(string archive, CancellationToken cancellationToken)
    {
        var unpacked = Directory.CreateTempSubdirectory("closetconnect-restore-").FullName;
        try
        {
            var manifest = await BackupArchive.ExtractAsync(Path.GetFullPath(archive), unpacked, cancellationToken);
            var unknown = manifest.Databases.Except(server.Databases.Select(d => d.DatabaseName)).ToList();
            if (unknown.Count > 0)
            {
                throw new DistributedApplicationException($"The archive holds databases this model does not have: {string.Join(", ", unknown)}.");
            }
            await using (var maintenance = await MaintenanceServer.OpenAsync(server, cancellationToken))
            {
                if (maintenance.WasRunning)
                {
                    throw new DistributedApplicationException(
                        $"A MariaDB server is running on {server.DataDirectory}: stop the AppHost first, so no service writes while its data is replaced.");
                }
                var client = new MariaDbClient(server);
                foreach (var database in server.Databases.Where(d => manifest.Databases.Contains(d.DatabaseName)))
                {
                    await client.LoadAsync(database, Path.Combine(unpacked, BackupManifest.DatabaseEntry(database.DatabaseName)), cancellationToken);
                }
            }
            foreach (var folder in folders.Where(f => manifest.Folders.Contains(f.Name)))
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
        if (Directory.Exists(folder.LocalPath))
        {
            Directory.Delete(folder.LocalPath, recursive: true);
        }
        Directory.CreateDirectory(folder.LocalPath);
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

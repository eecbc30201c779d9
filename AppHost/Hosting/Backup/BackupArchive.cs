using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace ClosetConnect.AppHost.Hosting.Backup;

/// <summary>
/// A backup on disk: <c>closetconnect-{UTC time}.tar.gz</c> (one dump per database, the shared folders, a manifest
/// with a SHA-256 per file) and beside it <c>.sha256</c> for the archive itself, in <c>sha256sum -c</c> format.
/// </summary>
public static class BackupArchive
{
    public const string Prefix = "closetconnect-";
    public const string Extension = ".tar.gz";
    public const string ChecksumExtension = ".sha256";
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public static string FileName(DateTimeOffset createdAt) => $"{Prefix}{createdAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}{Extension}";

    /// <summary>Packs <paramref name="entries"/> (archive path → file on disk) with a manifest, then writes the archive's checksum file.</summary>
    public static async Task WriteAsync(
        string archivePath, BackupManifest manifestWithoutHashes, IReadOnlyDictionary<string, string> entries, CancellationToken cancellationToken)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, file) in entries)
        {
            hashes[entry] = await Sha256Async(file, cancellationToken);
        }
        var manifest = manifestWithoutHashes with { Sha256 = hashes };

        var partial = archivePath + ".partial";
        await using (var output = File.Create(partial))
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            var manifestEntry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.FileName)
            {
                DataStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, IndentedJson)),
            };
            await tar.WriteEntryAsync(manifestEntry, cancellationToken);
            foreach (var (entry, file) in entries)
            {
                await tar.WriteEntryAsync(file, entry, cancellationToken);
            }
        }
        // Only a complete archive gets its final name and a checksum.
        File.Move(partial, archivePath, overwrite: true);
        await File.WriteAllTextAsync(archivePath + ChecksumExtension, $"{await Sha256Async(archivePath, cancellationToken)}  {Path.GetFileName(archivePath)}\n", cancellationToken);
    }

    /// <summary>Checks the archive's checksum, unpacks it into <paramref name="targetDirectory"/> and checks every file against the manifest.</summary>
    public static async Task<BackupManifest> ExtractAsync(string archivePath, string targetDirectory, CancellationToken cancellationToken)
    {
        var checksumFile = archivePath + ChecksumExtension;
        if (File.Exists(checksumFile))
        {
            var expected = (await File.ReadAllTextAsync(checksumFile, cancellationToken)).Split(' ', 2)[0].Trim();
            var actual = await Sha256Async(archivePath, cancellationToken);
            if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
            {
                throw new DistributedApplicationException($"{archivePath} is damaged: its SHA-256 is {actual}, {Path.GetFileName(checksumFile)} says {expected}.");
            }
        }

        Directory.CreateDirectory(targetDirectory);
        await using (var input = File.OpenRead(archivePath))
        await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
        {
            await TarFile.ExtractToDirectoryAsync(gzip, targetDirectory, overwriteFiles: true, cancellationToken);
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllBytesAsync(Path.Combine(targetDirectory, BackupManifest.FileName), cancellationToken))
            ?? throw new DistributedApplicationException($"{archivePath} has no readable {BackupManifest.FileName}.");
        foreach (var (entry, expected) in manifest.Sha256)
        {
            var actual = await Sha256Async(Path.Combine(targetDirectory, entry), cancellationToken);
            if (actual != expected)
            {
                throw new DistributedApplicationException($"{archivePath}: {entry} does not match its checksum in the manifest.");
            }
        }
        return manifest;
    }

    /// <summary>Keeps the newest <paramref name="keep"/> archives (names sort by time) and deletes the rest with their checksum files.</summary>
    public static IReadOnlyList<string> Prune(string directory, int keep)
    {
        var archives = Directory.GetFiles(directory, $"{Prefix}*{Extension}").Order(StringComparer.Ordinal).ToList();
        var expired = archives.Take(Math.Max(0, archives.Count - keep)).ToList();
        foreach (var archive in expired)
        {
            File.Delete(archive);
            File.Delete(archive + ChecksumExtension);
        }
        return expired;
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

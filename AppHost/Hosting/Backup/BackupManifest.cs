namespace ClosetConnect.AppHost.Hosting.Backup;

/// <summary>
/// <c>manifest.json</c> inside an archive: what it holds and the SHA-256 of every file, checked before anything is restored.
/// </summary>
public sealed record BackupManifest(
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Databases,
    IReadOnlyList<string> Folders,
    IReadOnlyDictionary<string, string> Sha256)
{
    public const string FileName = "manifest.json";

    public static string DatabaseEntry(string databaseName) => $"databases/{databaseName}.sql";

    public static string FolderPrefix(string folderName) => $"folders/{folderName}/";
}

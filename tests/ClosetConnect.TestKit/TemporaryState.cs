namespace ClosetConnect.TestKit;

/// <summary>
/// A state directory of the AppHost's own (<c>AppHost:StateDirectory</c>) in /tmp: server data, blobs, mail and
/// backups of one test run, deleted with it, so a test never touches a developer's <c>.apphost/</c>.
/// </summary>
public sealed class TemporaryState : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("closetconnect-test-").FullName;

    /// <summary>The AppHost arguments that put its state here.</summary>
    public string Argument => $"--AppHost:StateDirectory={Path}";

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

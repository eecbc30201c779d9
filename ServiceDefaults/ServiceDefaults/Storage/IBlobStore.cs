namespace ClosetConnect.ServiceDefaults.Storage;

/// <summary>
/// Where images live: originals written by Closet.Api, cut-outs and masks written by Vision.Worker. Keys are
/// slash-separated lower-case paths such as <c>items/{userId}/{itemId}/original.jpg</c>; a folder is a key's leading
/// segments, such as <c>items/{userId}/{itemId}</c>.
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes the whole blob or nothing: readers never see a half-written file.</summary>
    Task WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Null when there is no such blob.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every blob in <paramref name="folder"/>, at any depth, and the folder itself: whoever wrote them, and
    /// whether or not anyone still knows their keys. Nothing happens when there is no such folder. Folders exist only
    /// while they hold blobs, as in an object store: a parent left empty goes too.
    /// </summary>
    Task DeleteFolderAsync(string folder, CancellationToken cancellationToken);
}

namespace ClosetConnect.ServiceDefaults.Storage;

/// <summary>
/// Where images live: originals written by Closet.Api, cut-outs and masks written by Vision.Worker. Keys are
/// slash-separated lower-case paths such as <c>items/{userId}/{itemId}/original.jpg</c>.
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes the whole blob or nothing: readers never see a half-written file.</summary>
    Task WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Null when there is no such blob.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ClosetConnect.ServiceDefaults.Storage;

public sealed class BlobStoreOptions
{
    public const string SectionName = "Blobs";

    /// <summary>The folder that holds every blob (a shared volume in Kubernetes).</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public string RootPath { get; set; } = string.Empty;
}

/// <summary>The default blob store: a folder. Writes go to a temporary file that is renamed into place.</summary>
public sealed partial class FileSystemBlobStore(IOptions<BlobStoreOptions> options) : IBlobStore
{
    private string Root => Path.GetFullPath(options.Value.RootPath);

    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var path = PathOf(folder);
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never written, or deleted already: the outcome is the same.
        }

        DeleteEmptyParents(path);
        return Task.CompletedTask;
    }

    /// <summary>
    /// As in an object store, a folder lasts only while it holds blobs: parents left empty go too (a folder named after
    /// an erased user is data about them). One that a writer fills meanwhile stays.
    /// </summary>
    private void DeleteEmptyParents(string path)
    {
        var root = Path.TrimEndingDirectorySeparator(Root);
        for (var parent = Path.GetDirectoryName(path); parent is not null && parent.Length > root.Length; parent = Path.GetDirectoryName(parent))
        {
            try
            {
                Directory.Delete(parent, recursive: false);
            }
            catch (DirectoryNotFoundException)
            {
                // Deleted by someone else already; its parent may be empty now.
            }
            catch (IOException)
            {
                return; // not empty
            }
        }
    }

    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key) || key.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a valid blob key.", nameof(key));
        }

        return Path.Combine(Root, key);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$")]
    private static partial Regex KeyPattern();
}

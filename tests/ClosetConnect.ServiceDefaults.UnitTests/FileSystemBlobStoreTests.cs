using ClosetConnect.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace ClosetConnect.ServiceDefaults.UnitTests;

public class FileSystemBlobStoreTests
{
    private TemporaryState root = null!;

    [SetUp]
    public void CreateRoot() => root = new TemporaryState();

    [TearDown]
    public void RemoveRoot() => root.Dispose();

    [Test]
    public async Task Deleting_a_folder_deletes_every_blob_in_it_and_leaves_its_neighbours()
    {
        var store = new FileSystemBlobStore(Options.Create(new BlobStoreOptions { RootPath = root.Path }));
        foreach (var key in new[] { "items/a1/b1/original.png", "items/a1/b1/cutout.png", "items/a1/b1/nested/mask.png", "items/a1/b2/original.png" })
        {
            await store.WriteAsync(key, new MemoryStream([1, 2, 3]), CancellationToken.None);
        }

        await store.DeleteFolderAsync("items/a1/b1", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(Path.Combine(root.Path, "items", "a1", "b1")), Is.False);
            Assert.That(File.Exists(Path.Combine(root.Path, "items", "a1", "b2", "original.png")), Is.True);
        });
        await Assert.ThatAsync(() => store.DeleteFolderAsync("items/a1/b1", CancellationToken.None), Throws.Nothing, "a folder deleted already");
        await Assert.ThatAsync(() => store.DeleteFolderAsync("items/../..", CancellationToken.None), Throws.ArgumentException);
    }

    [Test]
    public async Task A_parent_left_empty_goes_with_its_last_folder()
    {
        var store = new FileSystemBlobStore(Options.Create(new BlobStoreOptions { RootPath = root.Path }));
        await store.WriteAsync("items/a1/b1/original.png", new MemoryStream([1]), CancellationToken.None);
        await store.WriteAsync("items/a2/b1/original.png", new MemoryStream([1]), CancellationToken.None);

        await store.DeleteFolderAsync("items/a1/b1", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(Path.Combine(root.Path, "items", "a1")), Is.False, "the owner's folder, empty now");
            Assert.That(Directory.Exists(Path.Combine(root.Path, "items", "a2", "b1")), Is.True, "another owner's");
            Assert.That(Directory.Exists(root.Path), Is.True, "the store's root");
        });
    }
}

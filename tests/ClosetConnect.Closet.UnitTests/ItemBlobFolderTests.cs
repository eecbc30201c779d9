using ClosetConnect.Closet.Domain;

namespace ClosetConnect.Closet.UnitTests;

public class ItemBlobFolderTests
{
    [Test]
    public void Only_a_key_in_the_items_own_folder_names_that_folder()
    {
        var owner = Guid.NewGuid();
        var itemId = Guid.NewGuid();

        Assert.Multiple(() =>
        {
            Assert.That(ClosetItem.FolderOfKey(itemId, ClosetItem.KeyFor(owner, itemId, "cutout.png")), Is.EqualTo($"items/{owner:N}/{itemId:N}"));
            Assert.That(ClosetItem.FolderOfKey(itemId, ClosetItem.KeyFor(owner, Guid.NewGuid(), "cutout.png")), Is.Null, "another item's key");
            Assert.That(ClosetItem.FolderOfKey(itemId, $"items/{owner:N}/cutout.png"), Is.Null, "the owner's folder");
            Assert.That(ClosetItem.FolderOfKey(itemId, $"avatars/{owner:N}/{itemId:N}/cutout.png"), Is.Null, "outside the items");
        });
    }
}

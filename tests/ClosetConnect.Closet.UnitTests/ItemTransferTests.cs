using ClosetConnect.Closet.Domain;

namespace ClosetConnect.Closet.UnitTests;

public class ItemTransferTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_sold_item_moves_to_the_buyer_with_its_images_in_the_buyers_folder()
    {
        var seller = Guid.NewGuid();
        var buyer = Guid.NewGuid();
        var item = OutfitTests.Item(seller, ready: true);
        var before = Keys(item);

        var moves = item.TransferTo(buyer, Now);

        Assert.Multiple(() =>
        {
            Assert.That(item.UserId, Is.EqualTo(buyer));
            Assert.That(moves.Select(m => m.From), Is.EqualTo(before));
            Assert.That(Keys(item), Is.EqualTo(new[]
            {
                $"items/{buyer:N}/{item.Id:N}/original.png",
                $"items/{buyer:N}/{item.Id:N}/cutout.png",
                $"items/{buyer:N}/{item.Id:N}/mask.png",
            }));
            Assert.That(moves.Select(m => m.To), Is.EqualTo(Keys(item)));
        });
    }

    [Test]
    public void A_returned_item_goes_back_to_the_sellers_folder()
    {
        var seller = Guid.NewGuid();
        var item = OutfitTests.Item(seller, ready: true);
        var original = Keys(item);

        item.TransferTo(Guid.NewGuid(), Now);
        item.TransferTo(seller, Now);

        Assert.That(Keys(item), Is.EqualTo(original));
    }

    private static List<string> Keys(ClosetItem item) => [item.ImageKey, item.CutoutKey!, item.MaskKey!];
}

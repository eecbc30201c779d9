using ClosetConnect.Identity.Infrastructure.Signing;
using ClosetConnect.Payments.Domain;

namespace ClosetConnect.UnitTests.Identity;

/// <summary>Domain rules behind account erasure and key retirement.</summary>
public class ErasureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_erased_buyer_is_removed_from_the_order_and_the_amount_is_kept()
    {
        var buyer = Guid.NewGuid();
        var seller = Guid.NewGuid();
        var order = Order.Place(Guid.NewGuid(), Guid.NewGuid(), buyer, seller, 42_000, "KRW", Now);

        order.ErasePersonalData(buyer, Now + TimeSpan.FromDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(order.BuyerId, Is.EqualTo(Order.ErasedParty));
            Assert.That(order.SellerId, Is.EqualTo(seller), "the other party keeps their record");
            Assert.That((order.Amount, order.Currency, order.Status), Is.EqualTo((42_000L, "KRW", OrderStatus.Pending)));
            Assert.That(order.PersonalDataErasedAt, Is.EqualTo(Now + TimeSpan.FromDays(1)));
        });
    }

    [Test]
    public void An_emergency_brings_a_scheduled_key_retirement_forward_but_never_pushes_one_back()
    {
        var key = SigningKey.Create("kid", "k:x", Now);
        key.RetireBy(Now + TimeSpan.FromHours(1));
        key.RetireBy(Now);
        Assert.That(key.IsRetired(Now), Is.True);

        key.RetireBy(Now + TimeSpan.FromHours(2));
        Assert.That(key.RetiredAt, Is.EqualTo(Now));
    }
}

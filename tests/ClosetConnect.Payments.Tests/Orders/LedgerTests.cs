using ClosetConnect.Payments.Domain;

namespace ClosetConnect.Payments.Tests.Orders;

public sealed class LedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static Order Paid(long amount)
    {
        var order = Order.Place(Guid.NewGuid(), new ListingPrice(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), amount, "KRW", "Coat"), Guid.NewGuid(), Now.AddMinutes(15), Now);
        order.MarkPaid("pk", Now, OrderActor.Buyer, Now);
        return order;
    }

    [TestCase(35_000, 10, 3_500)]
    [TestCase(1_005, 10, 101)] // 100.5 rounds away from zero
    [TestCase(1_000, 0, 0)]
    [TestCase(9_999_999, 12.5, 1_250_000)]
    public void The_platform_fee_is_a_percentage_rounded_half_away_from_zero(long amount, decimal percent, long fee) =>
        Assert.That(new PlatformFee(percent).On(amount), Is.EqualTo(fee));

    [Test]
    public void A_sale_credits_the_price_and_debits_the_fee_and_a_refund_reverses_both_to_a_zero_balance()
    {
        var order = Paid(35_000);
        var sale = LedgerEntry.ForSale(order, new PlatformFee(10), Now);
        Assert.That(sale.Select(e => (e.Kind, e.Amount)), Is.EqualTo(new[] { (LedgerEntryKind.Sale, 35_000L), (LedgerEntryKind.PlatformFee, -3_500L) }));
        Assert.That(sale.Sum(e => e.Amount), Is.EqualTo(31_500));

        var reversal = LedgerEntry.ForRefund(order, sale, Now.AddDays(1));
        Assert.That(reversal.Select(e => (e.Kind, e.Amount)), Is.EqualTo(new[] { (LedgerEntryKind.SaleReversal, -35_000L), (LedgerEntryKind.PlatformFeeReversal, 3_500L) }));
        Assert.That(sale.Concat(reversal).Sum(e => e.Amount), Is.Zero);
        Assert.That(sale.Concat(reversal).Select(e => e.SellerId).Distinct(), Is.EqualTo(new[] { order.SellerId }));
    }

    [Test]
    public void A_refund_of_a_sale_never_booked_or_already_reversed_books_nothing()
    {
        var order = Paid(10_000);
        Assert.That(LedgerEntry.ForRefund(order, [], Now), Is.Empty, "the item never reached the buyer: nothing to reverse");

        var sale = LedgerEntry.ForSale(order, new PlatformFee(10), Now);
        var reversed = sale.Concat(LedgerEntry.ForRefund(order, sale, Now)).ToList();
        Assert.That(LedgerEntry.ForRefund(order, reversed, Now), Is.Empty);
    }
}

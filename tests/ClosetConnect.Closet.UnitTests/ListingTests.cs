using ClosetConnect.Closet.Domain;
using ClosetConnect.Closet.Listings;

namespace ClosetConnect.Closet.UnitTests;

public class ListingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Order = Guid.NewGuid();

    [TestCase(999, false)]
    [TestCase(1_000, true)]
    [TestCase(10_000_000, true)]
    [TestCase(10_000_001, false)]
    public void A_price_is_one_thousand_to_ten_million_won(long price, bool accepted)
    {
        Assert.That(ListingRequestValidator.Validate(new ListingRequest(price, "KRW", null)).ContainsKey("price"), Is.EqualTo(!accepted));
        if (accepted)
        {
            Assert.That(Listing.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), price, null, Now).Price, Is.EqualTo(price));
        }
        else
        {
            Assert.That(() => Listing.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), price, null, Now), Throws.InstanceOf<ArgumentOutOfRangeException>());
        }
    }

    [Test]
    public void A_price_is_required_and_whole_won()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ListingRequestValidator.Validate(new ListingRequest(null, null, null))["price"].Single(), Does.Contain("required"));
            Assert.That(ListingRequestValidator.Validate(new ListingRequest(1500.5m, null, null))["price"].Single(), Does.Contain("whole number"));
        });
    }

    [Test]
    public void The_currency_is_KRW_and_may_be_left_out()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ListingRequestValidator.Validate(new ListingRequest(5_000, null, null)), Is.Empty);
            Assert.That(ListingRequestValidator.Validate(new ListingRequest(5_000, "krw", null)), Is.Empty);
            Assert.That(ListingRequestValidator.Validate(new ListingRequest(5_000, "USD", null)).Keys, Is.EquivalentTo(new[] { "currency" }));
            Assert.That(Listing.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 5_000, null, Now).Currency, Is.EqualTo("KRW"));
        });
    }

    [Test]
    public void A_description_is_at_most_a_thousand_characters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ListingRequestValidator.Validate(new ListingRequest(5_000, null, new string('d', 1000))), Is.Empty);
            Assert.That(ListingRequestValidator.Validate(new ListingRequest(5_000, null, new string('d', 1001))).Keys, Is.EquivalentTo(new[] { "description" }));
        });
    }

    [Test]
    public void A_reservation_holds_the_listing_until_it_lapses()
    {
        var listing = NewListing();
        listing.Reserve(Order, Now.AddMinutes(10), Now);

        Assert.Multiple(() =>
        {
            Assert.That(listing.IsReservedAt(Now.AddMinutes(9)), Is.True);
            Assert.That(listing.PublicStatus(Now.AddMinutes(9)), Is.EqualTo("reserved"));
            Assert.That(listing.IsReservedAt(Now.AddMinutes(10)), Is.False, "lapsed even without the expiry event");
            Assert.That(listing.PublicStatus(Now.AddMinutes(10)), Is.EqualTo("active"));
        });
    }

    [Test]
    public void Another_order_cannot_reserve_until_the_reservation_lapses_but_the_same_order_may_repeat()
    {
        var listing = NewListing();
        listing.Reserve(Order, Now.AddMinutes(10), Now);
        var other = Guid.NewGuid();

        Assert.Multiple(() =>
        {
            Assert.That(listing.CanBeReservedFor(other, Now.AddMinutes(5)), Is.False);
            Assert.That(() => listing.Reserve(other, Now.AddMinutes(15), Now.AddMinutes(5)),
                Throws.InstanceOf<ListingStateException>().With.Message.StartsWith("This item is reserved by another buyer; try again after"));
            Assert.That(listing.CanBeReservedFor(Order, Now.AddMinutes(5)), Is.True, "an idempotent repeat");
            Assert.That(listing.CanBeReservedFor(other, Now.AddMinutes(10)), Is.True, "lapsed");
        });
    }

    [Test]
    public void The_database_condition_of_the_atomic_reservation_agrees_with_the_rule()
    {
        var other = Guid.NewGuid();
        var free = NewListing();
        var held = NewListing();
        held.Reserve(Order, Now.AddMinutes(10), Now);
        var sold = NewListing();
        sold.Sell(Order, Guid.NewGuid(), Now);
        var withdrawn = NewListing();
        withdrawn.Withdraw(Now);

        foreach (var listing in new[] { free, held, sold, withdrawn })
        {
            foreach (var (order, at) in new[] { (Order, Now.AddMinutes(5)), (other, Now.AddMinutes(5)), (other, Now.AddMinutes(11)) })
            {
                Assert.That(Listing.ReservableFor(order, at).Compile()(listing), Is.EqualTo(listing.CanBeReservedFor(order, at)),
                    $"{listing.Status} reserved={listing.ReservedForOrderId is not null}, order {(order == Order ? "same" : "other")} at {at:t}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(free.CanBeReservedFor(other, Now), Is.True);
            Assert.That(sold.CanBeReservedFor(other, Now), Is.False);
            Assert.That(withdrawn.CanBeReservedFor(other, Now), Is.False);
        });
    }

    [Test]
    public void A_listing_is_not_withdrawn_while_a_buyer_is_paying()
    {
        var listing = NewListing();
        listing.Reserve(Order, Now.AddMinutes(10), Now);

        Assert.That(() => listing.Withdraw(Now.AddMinutes(1)), Throws.InstanceOf<ListingStateException>().With.Message.EqualTo(Listing.ReservedDetail));
        Assert.That(listing.Status, Is.EqualTo(ListingStatus.Active));

        listing.Withdraw(Now.AddMinutes(10));
        Assert.Multiple(() =>
        {
            Assert.That(listing.Status, Is.EqualTo(ListingStatus.Withdrawn));
            Assert.That(listing.ActiveItemId, Is.Null, "the item may be listed again");
        });
    }

    [Test]
    public void A_cancelled_or_expired_order_releases_only_its_own_reservation()
    {
        var listing = NewListing();
        listing.Reserve(Order, Now.AddMinutes(10), Now);

        Assert.Multiple(() =>
        {
            Assert.That(listing.ReleaseReservation(Guid.NewGuid(), Now), Is.False);
            Assert.That(listing.IsReservedAt(Now), Is.True);
            Assert.That(listing.ReleaseReservation(Order, Now), Is.True);
            Assert.That(listing.IsReservedAt(Now), Is.False);
            Assert.That(listing.ReleaseReservation(Order, Now), Is.False, "a repeat changes nothing");
        });
    }

    [Test]
    public void The_paid_order_sells_the_listing_to_its_buyer()
    {
        var listing = NewListing();
        var buyer = Guid.NewGuid();
        listing.Reserve(Order, Now.AddMinutes(10), Now);

        listing.Sell(Order, buyer, Now.AddMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(listing.Status, Is.EqualTo(ListingStatus.Sold));
            Assert.That(listing.IsSoldTo(Order), Is.True);
            Assert.That(listing.BuyerId, Is.EqualTo(buyer));
            Assert.That(listing.SoldAt, Is.EqualTo(Now.AddMinutes(2)));
            Assert.That(listing.ReservedForOrderId, Is.Null);
            Assert.That(listing.PublicStatus(Now), Is.EqualTo("sold"));
            Assert.That(() => listing.Sell(Guid.NewGuid(), Guid.NewGuid(), Now), Throws.InstanceOf<ListingStateException>().With.Message.Contains("already sold"));
        });
    }

    [Test]
    public void A_payment_that_arrives_after_its_reservation_lapsed_still_sells_unless_another_buyer_holds_it()
    {
        var late = NewListing();
        late.Reserve(Order, Now.AddMinutes(10), Now);
        late.Sell(Order, Guid.NewGuid(), Now.AddMinutes(12));
        Assert.That(late.IsSoldTo(Order), Is.True);

        var taken = NewListing();
        taken.Reserve(Order, Now.AddMinutes(10), Now);
        taken.Reserve(Guid.NewGuid(), Now.AddMinutes(25), Now.AddMinutes(11));
        Assert.Multiple(() =>
        {
            Assert.That(taken.IsReservedByAnotherOrder(Order, Now.AddMinutes(12)), Is.True);
            Assert.That(() => taken.Sell(Order, Guid.NewGuid(), Now.AddMinutes(12)), Throws.InstanceOf<ListingStateException>());
        });
    }

    [Test]
    public void A_refund_withdraws_the_sold_listing_and_keeps_the_sale_on_record()
    {
        var listing = NewListing();
        var buyer = Guid.NewGuid();
        listing.Sell(Order, buyer, Now);

        listing.WithdrawAfterRefund(Now.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(listing.Status, Is.EqualTo(ListingStatus.Withdrawn));
            Assert.That(listing.SoldToOrderId, Is.EqualTo(Order));
            Assert.That(listing.BuyerId, Is.EqualTo(buyer));
            Assert.That(listing.IsSoldTo(Order), Is.False, "not for sale, not sold: withdrawn until the seller lists it again");
            Assert.That(() => NewListing().WithdrawAfterRefund(Now), Throws.InstanceOf<ListingStateException>());
        });
    }

    [Test]
    public void Every_change_bumps_the_version_the_database_checks()
    {
        var listing = NewListing();
        var before = listing.Version;
        listing.Reserve(Order, Now.AddMinutes(10), Now);
        listing.ReleaseReservation(Order, Now);
        listing.Withdraw(Now);
        Assert.That(listing.Version, Is.EqualTo(before + 3));
    }

    private static Listing NewListing() => Listing.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 25_000, " A good shirt ", Now);

    [Test]
    public void Only_a_reservation_changes_what_buyers_see_with_nothing_written()
    {
        var listing = Listing.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 35_000, null, Now);
        Assert.That(listing.PublicStatusExpiresAt(Now), Is.Null, "active until a write");

        listing.Reserve(Order, Now.AddMinutes(15), Now);
        Assert.Multiple(() =>
        {
            Assert.That(listing.PublicStatusExpiresAt(Now), Is.EqualTo(Now.AddMinutes(15)));
            Assert.That(listing.PublicStatus(Now.AddMinutes(15)), Is.EqualTo("active"), "the moment it names");
            Assert.That(listing.PublicStatusExpiresAt(Now.AddMinutes(15)), Is.Null, "a lapsed reservation changes nothing more");
        });
    }
}

using ClosetConnect.Payments.Domain;

namespace ClosetConnect.Payments.Tests.Orders;

public sealed class OrderStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ListingPrice Listing = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 35_000, "KRW", "Linen shirt");

    private static Order Placed() => Order.Place(Guid.CreateVersion7(Now), Listing, Guid.NewGuid(), Now.AddMinutes(15), Now);

    [Test]
    public void A_placed_order_takes_its_amount_from_the_listing_and_is_pending_until_its_reservation_ends()
    {
        var order = Placed();

        Assert.Multiple(() =>
        {
            Assert.That(order.Amount, Is.EqualTo(35_000));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.IsExpiredAt(Now.AddMinutes(14)), Is.False);
            Assert.That(order.IsExpiredAt(Now.AddMinutes(15)), Is.True);
            Assert.That(order.TossOrderId, Has.Length.EqualTo(32).And.Match("^[0-9a-f]+$"), "Toss allows 6–64 of [A-Za-z0-9-_]");
        });
    }

    [Test]
    public void The_happy_path_is_recorded_step_by_step_in_the_history()
    {
        var order = Placed();
        order.BeginConfirm("pk_1", "key-1", Now.AddMinutes(1));
        order.MarkPaid("pk_1", Now.AddMinutes(1), OrderActor.Buyer, Now.AddMinutes(1));
        order.MarkItemTransferred(Now.AddMinutes(2));
        order.Refund("damaged", OrderActor.Seller, Now.AddMinutes(3));

        Assert.That(order.History.Select(h => (h.From, h.To)), Is.EqualTo(new (OrderStatus?, OrderStatus)[]
        {
            (null, OrderStatus.Pending),
            (OrderStatus.Pending, OrderStatus.Confirming),
            (OrderStatus.Confirming, OrderStatus.Paid),
            (OrderStatus.Paid, OrderStatus.Paid),
            (OrderStatus.Paid, OrderStatus.Refunded),
        }));
        Assert.That(order.History.Select(h => h.Sequence), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(order.History.Select(h => h.Actor), Is.EqualTo(new[] { OrderActor.Buyer, OrderActor.Buyer, OrderActor.Buyer, OrderActor.Closet, OrderActor.Seller }), "roles, never people");
    }

    [Test]
    public void Confirm_is_refused_after_the_reservation_and_twice()
    {
        var late = Placed();
        Assert.That(() => late.BeginConfirm("pk", null, Now.AddMinutes(15)), Throws.TypeOf<OrderStateException>().With.Message.Contains("ended"));

        var twice = Placed();
        twice.BeginConfirm("pk", null, Now);
        Assert.That(() => twice.BeginConfirm("pk", null, Now), Throws.TypeOf<OrderStateException>().With.Message.Contains("being confirmed"));
    }

    [Test]
    public void A_refused_confirm_returns_the_order_to_pending_so_the_buyer_can_pay_again()
    {
        var order = Placed();
        order.BeginConfirm("pk_1", "key-1", Now);
        order.ReturnToPending("Toss refused the confirm: REJECT_CARD_PAYMENT", OrderActor.Buyer, Now);

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.PaymentKey, Is.Null);
            Assert.That(order.ConfirmIdempotencyKey, Is.Null);
        });
        order.BeginConfirm("pk_2", null, Now.AddMinutes(1));
        Assert.That(order.PaymentKey, Is.EqualTo("pk_2"));
    }

    [Test]
    public void Only_pending_orders_cancel_and_only_paid_orders_refund()
    {
        var confirming = Placed();
        confirming.BeginConfirm("pk", null, Now);
        Assert.That(() => confirming.Cancel(Now), Throws.TypeOf<OrderStateException>());
        Assert.That(() => Placed().Refund("why", OrderActor.Seller, Now), Throws.TypeOf<OrderStateException>());

        var cancelled = Placed();
        cancelled.Cancel(Now);
        Assert.That(() => cancelled.MarkPaid("pk", Now, OrderActor.TossWebhook, Now), Throws.TypeOf<OrderStateException>(),
            "a payment approved after the order ended is voided, not booked");
        Assert.That(() => cancelled.Expire(OrderActor.Reconciler, Now), Throws.TypeOf<OrderStateException>());
    }

    [Test]
    public void Erasure_removes_the_party_but_keeps_the_financial_record()
    {
        var order = Placed();
        var buyer = order.BuyerId;
        order.ErasePersonalData(buyer, Now);

        Assert.Multiple(() =>
        {
            Assert.That(order.BuyerId, Is.EqualTo(Order.ErasedParty));
            Assert.That(order.SellerId, Is.EqualTo(Listing.SellerId));
            Assert.That(order.Amount, Is.EqualTo(35_000));
            Assert.That(order.PersonalDataErasedAt, Is.EqualTo(Now));
        });
    }
}

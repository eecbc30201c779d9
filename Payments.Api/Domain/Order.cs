namespace ClosetConnect.Payments.Domain;

/// <summary>
/// A purchase of one market listing. The amount always comes from Closet's price, never from the client. Every state
/// change goes through <see cref="MoveTo"/>, which appends it to <see cref="History"/>, the order's audit log.
/// </summary>
public sealed class Order
{
    /// <summary>Stands in for the buyer or seller whose account was erased.</summary>
    public static readonly Guid ErasedParty = Guid.Empty;

    private readonly List<OrderHistoryEntry> _history = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }

    public Guid ListingId { get; private set; }

    public Guid ItemId { get; private set; }

    public Guid BuyerId { get; private set; }

    public Guid SellerId { get; private set; }

    public long Amount { get; private set; }

    public string Currency { get; private set; } = "KRW";

    public string OrderName { get; private set; } = string.Empty;

    public OrderStatus Status { get; private set; }

    /// <summary>The end of the listing's reservation: confirm is refused after it.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Toss's key of the payment being (or that was) confirmed.</summary>
    public string? PaymentKey { get; private set; }

    /// <summary>The client's <c>Idempotency-Key</c> of the confirm, to answer its repeats the same.</summary>
    public string? ConfirmIdempotencyKey { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>When Closet moved the item to the buyer: only then is the sale in the seller's ledger.</summary>
    public DateTimeOffset? ItemTransferredAt { get; private set; }

    public string? RefundReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When a party's account was erased and its id removed from this order.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    public IReadOnlyList<OrderHistoryEntry> History => _history;

    /// <summary>The order's id as Toss knows it: 32 hex digits (Toss allows 6–64 of <c>[A-Za-z0-9-_]</c>).</summary>
    public string TossOrderId => Id.ToString("N");

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    public static Order Place(Guid id, ListingPrice listing, Guid buyerId, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var order = new Order
        {
            Id = id,
            ListingId = listing.ListingId,
            ItemId = listing.ItemId,
            BuyerId = buyerId,
            SellerId = listing.SellerId,
            Amount = listing.Price,
            Currency = listing.Currency,
            OrderName = listing.OrderName.Length > 100 ? listing.OrderName[..100] : listing.OrderName,
            ExpiresAt = expiresAt,
            CreatedAt = now,
        };
        order.MoveTo(OrderStatus.Pending, OrderActor.Buyer, $"listing reserved until {expiresAt:O}", now);
        return order;
    }

    /// <summary>Confirm is about to be sent to Toss: from now on only Toss's answer (or the reconciler) settles the order.</summary>
    public void BeginConfirm(string paymentKey, string? idempotencyKey, DateTimeOffset now)
    {
        if (Status != OrderStatus.Pending)
        {
            throw new OrderStateException(Status switch
            {
                OrderStatus.Confirming => "This order's payment is being confirmed already.",
                OrderStatus.Paid => "This order is paid already.",
                _ => $"This order is {Describe(Status)}; it cannot be paid.",
            });
        }

        if (IsExpiredAt(now))
        {
            throw new OrderStateException($"The reservation of this order ended at {ExpiresAt:u}; place a new order to buy the item.");
        }

        PaymentKey = paymentKey;
        ConfirmIdempotencyKey = idempotencyKey;
        MoveTo(OrderStatus.Confirming, OrderActor.Buyer, "confirm sent to Toss", now);
    }

    /// <summary>Toss approved <paramref name="paymentKey"/> for this order's amount.</summary>
    public void MarkPaid(string paymentKey, DateTimeOffset approvedAt, string actor, DateTimeOffset now)
    {
        if (Status is not (OrderStatus.Pending or OrderStatus.Confirming))
        {
            throw new OrderStateException($"This order is {Describe(Status)}; it cannot become paid.");
        }

        PaymentKey = paymentKey;
        // Toss answers in KST; stored and answered in UTC, so every answer about the order reads the same.
        ApprovedAt = approvedAt.ToUniversalTime();
        MoveTo(OrderStatus.Paid, actor, $"approved by Toss at {approvedAt:O}", now);
    }

    /// <summary>Toss refused the confirm: the buyer may pay again while the reservation lasts.</summary>
    public void ReturnToPending(string reason, string actor, DateTimeOffset now)
    {
        if (Status != OrderStatus.Confirming)
        {
            throw new OrderStateException($"This order is {Describe(Status)}; only a confirming order goes back to pending.");
        }

        PaymentKey = null;
        ConfirmIdempotencyKey = null;
        MoveTo(OrderStatus.Pending, actor, reason, now);
    }

    public void Cancel(DateTimeOffset now)
    {
        if (Status != OrderStatus.Pending)
        {
            throw new OrderStateException(Status == OrderStatus.Confirming
                ? "This order's payment is being confirmed; it can no longer be cancelled. If it is paid, ask the seller for a refund."
                : $"This order is {Describe(Status)}; only a pending order can be cancelled.");
        }

        MoveTo(OrderStatus.Cancelled, OrderActor.Buyer, "cancelled by the buyer", now);
    }

    /// <summary>The reservation ended without a payment.</summary>
    public void Expire(string actor, DateTimeOffset now)
    {
        if (Status is not (OrderStatus.Pending or OrderStatus.Confirming))
        {
            throw new OrderStateException($"This order is {Describe(Status)}; it cannot expire.");
        }

        MoveTo(OrderStatus.Expired, actor, "no payment before the reservation ended", now);
    }

    /// <summary>Toss cancelled the whole payment: the buyer has their money back.</summary>
    public void Refund(string reason, string actor, DateTimeOffset now)
    {
        if (Status != OrderStatus.Paid)
        {
            throw new OrderStateException($"This order is {Describe(Status)}; only a paid order can be refunded.");
        }

        RefundReason = reason.Length > 500 ? reason[..500] : reason;
        MoveTo(OrderStatus.Refunded, actor, RefundReason, now);
    }

    /// <summary>Closet handed the item to the buyer: the sale is complete.</summary>
    public void MarkItemTransferred(DateTimeOffset now)
    {
        ItemTransferredAt ??= now;
        UpdatedAt = now;
        _history.Add(new OrderHistoryEntry(_history.Count + 1, Status, Status, OrderActor.Closet, "item handed over to the buyer", now));
    }

    /// <summary>
    /// The account <paramref name="userId"/> was erased. The order is a financial record and stays (amount, currency,
    /// status, dates, listing); the only personal data it holds, the user's id as buyer or seller, is replaced by
    /// <see cref="ErasedParty"/>, so the order no longer points to the person.
    /// </summary>
    public void ErasePersonalData(Guid userId, DateTimeOffset now)
    {
        if (BuyerId == userId)
        {
            BuyerId = ErasedParty;
        }

        if (SellerId == userId)
        {
            SellerId = ErasedParty;
        }

        PersonalDataErasedAt = now;
        UpdatedAt = now;
    }

    public static string Describe(OrderStatus status) => status.ToString().ToLowerInvariant();

    private void MoveTo(OrderStatus to, string actor, string? note, DateTimeOffset now)
    {
        OrderStatus? from = _history.Count == 0 ? null : Status;
        Status = to;
        UpdatedAt = now;
        _history.Add(new OrderHistoryEntry(_history.Count + 1, from, to, actor, note, now));
    }
}

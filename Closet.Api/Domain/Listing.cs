using System.Linq.Expressions;

namespace ClosetConnect.Closet.Domain;

/// <summary>
/// An item offered for sale on the marketplace. A buyer's order reserves it until the order expires; the paid order
/// sells it (the item moves to the buyer); a refund withdraws it (the item goes back to the seller, who may list it again).
/// </summary>
public sealed class Listing
{
    public const long MinPrice = 1_000;
    public const long MaxPrice = 10_000_000;
    public const string Krw = "KRW";
    public const int MaxDescriptionLength = 1000;

    public const string ReservedDetail = "Someone is paying for this item; it can be withdrawn after their order ends.";

    private Listing()
    {
    }

    public Guid Id { get; private set; }

    public Guid ItemId { get; private set; }

    public Guid SellerId { get; private set; }

    /// <summary>In the currency's minor unit (KRW has none: whole won).</summary>
    public long Price { get; private set; }

    public string Currency { get; private set; } = Krw;

    public string? Description { get; private set; }

    public ListingStatus Status { get; private set; }

    public Guid? ReservedForOrderId { get; private set; }

    public DateTimeOffset? ReservedUntil { get; private set; }

    public Guid? SoldToOrderId { get; private set; }

    public Guid? BuyerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SoldAt { get; private set; }

    /// <summary>
    /// <see cref="ItemId"/> while the listing is active, null otherwise: a unique index on it keeps an item to one active
    /// listing even when two requests list it at once. (MariaDB has no filtered index, and refuses a generated column
    /// over a CHAR column.)
    /// </summary>
    public Guid? ActiveItemId { get; private set; }

    /// <summary>Optimistic concurrency: every change (the atomic reservation included) bumps it.</summary>
    public int Version { get; private set; }

    public static Listing Create(Guid id, Guid itemId, Guid sellerId, long price, string? description, DateTimeOffset now)
    {
        if (price is < MinPrice or > MaxPrice)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, $"A price is {MinPrice} to {MaxPrice} KRW.");
        }

        if (description is { Length: > MaxDescriptionLength })
        {
            throw new ArgumentException($"A description is at most {MaxDescriptionLength} characters.", nameof(description));
        }

        return new Listing
        {
            Id = id,
            ItemId = itemId,
            SellerId = sellerId,
            Price = price,
            Currency = Krw,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Status = ListingStatus.Active,
            ActiveItemId = itemId,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The listing may be reserved for <paramref name="orderId"/>: it is active and not held by another unexpired order
    /// (a repeat for the same order is allowed). The database form of <see cref="CanBeReservedFor"/>, for the atomic update.
    /// </summary>
    public static Expression<Func<Listing, bool>> ReservableFor(Guid orderId, DateTimeOffset now) =>
        l => l.Status == ListingStatus.Active
             && (l.ReservedForOrderId == null || l.ReservedUntil <= now || l.ReservedForOrderId == orderId);

    public bool CanBeReservedFor(Guid orderId, DateTimeOffset now) =>
        Status == ListingStatus.Active
        && (ReservedForOrderId is null || ReservedUntil <= now || ReservedForOrderId == orderId);

    /// <summary>An unexpired order holds the listing.</summary>
    public bool IsReservedAt(DateTimeOffset now) =>
        Status == ListingStatus.Active && ReservedForOrderId is not null && ReservedUntil > now;

    /// <summary>An unexpired order other than <paramref name="orderId"/> holds the listing.</summary>
    public bool IsReservedByAnotherOrder(Guid orderId, DateTimeOffset now) =>
        IsReservedAt(now) && ReservedForOrderId != orderId;

    public bool IsSoldTo(Guid orderId) => Status == ListingStatus.Sold && SoldToOrderId == orderId;

    /// <summary>When <see cref="PublicStatus"/> changes with no write: a reservation's end; null when only a write can change it.</summary>
    public DateTimeOffset? PublicStatusExpiresAt(DateTimeOffset now) => IsReservedAt(now) ? ReservedUntil : null;

    /// <summary>What buyers see: active, reserved, sold (or withdrawn, which the market never shows).</summary>
    public string PublicStatus(DateTimeOffset now) => Status switch
    {
        ListingStatus.Active => IsReservedAt(now) ? "reserved" : "active",
        ListingStatus.Sold => "sold",
        _ => "withdrawn",
    };

    /// <summary>Holds the listing for the order until <paramref name="until"/>.</summary>
    public void Reserve(Guid orderId, DateTimeOffset until, DateTimeOffset now)
    {
        EnsureActive();
        if (!CanBeReservedFor(orderId, now))
        {
            throw new ListingStateException(ReservedByAnotherBuyerDetail(ReservedUntil!.Value));
        }

        ReservedForOrderId = orderId;
        ReservedUntil = until;
        Touch(now);
    }

    /// <summary>The order ended unpaid: its reservation ends. False when the listing is not held by that order (or is sold).</summary>
    public bool ReleaseReservation(Guid orderId, DateTimeOffset now)
    {
        if (Status != ListingStatus.Active || ReservedForOrderId != orderId)
        {
            return false;
        }

        ReservedForOrderId = null;
        ReservedUntil = null;
        Touch(now);
        return true;
    }

    /// <summary>The seller takes the listing off the market; refused while an unexpired order holds it.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        EnsureActive();
        if (IsReservedAt(now))
        {
            throw new ListingStateException(ReservedDetail);
        }

        Status = ListingStatus.Withdrawn;
        ActiveItemId = null;
        ReservedForOrderId = null;
        ReservedUntil = null;
        Touch(now);
    }

    /// <summary>The order was paid: the listing is sold to its buyer. Refused when another unexpired order holds it.</summary>
    public void Sell(Guid orderId, Guid buyerId, DateTimeOffset now)
    {
        EnsureActive();
        if (IsReservedByAnotherOrder(orderId, now))
        {
            throw new ListingStateException("Another buyer holds this item.");
        }

        Status = ListingStatus.Sold;
        ActiveItemId = null;
        SoldToOrderId = orderId;
        BuyerId = buyerId;
        SoldAt = now;
        ReservedForOrderId = null;
        ReservedUntil = null;
        Touch(now);
    }

    /// <summary>
    /// The sale was refunded and the item went back to the seller: the listing is off the market until the seller
    /// lists the item again. The sale's order and buyer stay on record.
    /// </summary>
    public void WithdrawAfterRefund(DateTimeOffset now)
    {
        if (Status != ListingStatus.Sold)
        {
            throw new ListingStateException("Only a sold listing is withdrawn by a refund.");
        }

        Status = ListingStatus.Withdrawn;
        Touch(now);
    }

    /// <summary>The buyer's account was erased: the sale stays, the link to the buyer goes.</summary>
    public void ForgetBuyer(DateTimeOffset now)
    {
        BuyerId = null;
        Touch(now);
    }

    public static string ReservedByAnotherBuyerDetail(DateTimeOffset reservedUntil) =>
        $"This item is reserved by another buyer; try again after {reservedUntil.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.";

    private void EnsureActive()
    {
        if (Status != ListingStatus.Active)
        {
            throw new ListingStateException(Status == ListingStatus.Sold ? "This item is already sold." : "This listing was withdrawn.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

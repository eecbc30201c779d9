namespace ClosetConnect.Payments.Domain;

public enum OrderStatus
{
    Pending,
    Paid,
    Cancelled,
    Refunded,
}

/// <summary>A purchase of one market listing. The amount always comes from the listing's price on the server.</summary>
public sealed class Order
{
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

    public OrderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When a party's account was erased and its id removed from this order.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    /// <summary>Stands in for the buyer or seller whose account was erased.</summary>
    public static readonly Guid ErasedParty = Guid.Empty;

    public static Order Place(Guid listingId, Guid itemId, Guid buyerId, Guid sellerId, long amount, string currency, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ListingId = listingId,
        ItemId = itemId,
        BuyerId = buyerId,
        SellerId = sellerId,
        Amount = amount,
        Currency = currency,
        Status = OrderStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

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
}

namespace ClosetConnect.Payments.Orders;

public sealed record PlaceOrderRequest(Guid? ListingId, string? SuccessUrl, string? FailUrl);

/// <summary>What the client needs to open Toss's payment window for the order.</summary>
public sealed record CheckoutResponse(string ClientKey, string CustomerKey, string SuccessUrl, string FailUrl, string? WindowUrl);

public sealed record PlacedOrderResponse(
    Guid OrderId, long Amount, string Currency, string OrderName, string Status, DateTimeOffset ExpiresAt, CheckoutResponse Checkout);

public sealed record OrderResponse(
    Guid OrderId,
    Guid ListingId,
    Guid ItemId,
    string OrderName,
    long Amount,
    string Currency,
    string Status,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? ItemTransferredAt,
    string? RefundReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrderResponse From(Order order) => new(
        order.Id, order.ListingId, order.ItemId, order.OrderName, order.Amount, order.Currency, Order.Describe(order.Status),
        order.ExpiresAt, order.ApprovedAt, order.ItemTransferredAt, order.RefundReason, order.CreatedAt, order.UpdatedAt);
}

public sealed record OrderList(IReadOnlyList<OrderResponse> Orders, int Total);

public sealed record RefundRequest(string? Reason);

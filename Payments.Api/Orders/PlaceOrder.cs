using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.Payments.Orders;

/// <summary>
/// A buyer orders a listing: Closet reserves it for the order and names the price; the order keeps both. A buyer who
/// already has a pending order for the listing gets that order again rather than a second reservation.
/// </summary>
public sealed class PlaceOrder(PaymentsDbContext db, ListingReservations reservations, CheckoutLinks checkout, IOptions<OrderOptions> options, TimeProvider time, ILogger<PlaceOrder> logger)
{
    public async Task<PlaceOrderResult> HandleAsync(PlaceOrderRequest request, Guid buyerId, string buyerToken, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.ListingId is null || request.ListingId == Guid.Empty)
        {
            errors["listingId"] = ["Name the listing to buy (its id from GET /api/v1/market/listings)."];
        }

        var successUrl = ReturnUrl(request.SuccessUrl, options.Value.DefaultSuccessUrl, "successUrl", errors);
        var failUrl = ReturnUrl(request.FailUrl, options.Value.DefaultFailUrl, "failUrl", errors);
        if (errors.Count > 0)
        {
            return PlaceOrderResult.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var listingId = request.ListingId!.Value;
        var open = await db.Orders.FirstOrDefaultAsync(o => o.BuyerId == buyerId && o.ListingId == listingId && o.Status == OrderStatus.Pending && o.ExpiresAt > now, cancellationToken);
        if (open is not null)
        {
            return PlaceOrderResult.Placed(Response(open, successUrl, failUrl));
        }

        var orderId = Guid.CreateVersion7(now);
        var expiresAt = now + options.Value.ReservationTime;
        ReservationResult reservation;
        try
        {
            reservation = await reservations.ReserveAsync(listingId, orderId, expiresAt, buyerToken, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "Closet could not be asked to reserve listing {ListingId}", listingId);
            return PlaceOrderResult.Refused(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Marketplace unavailable",
                Detail = "The listing could not be reserved right now; nothing was ordered. Try again in a moment.",
            });
        }

        if (reservation.Listing is not { } listing)
        {
            return PlaceOrderResult.Refused(reservation.Problem!);
        }

        var order = Order.Place(orderId, listing, buyerId, expiresAt, now);
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Order {OrderId} placed for listing {ListingId} ({Amount} {Currency})", order.Id, listing.ListingId, order.Amount, order.Currency);
        return PlaceOrderResult.Placed(Response(order, successUrl, failUrl));
    }

    private PlacedOrderResponse Response(Order order, string successUrl, string failUrl) =>
        new(order.Id, order.Amount, order.Currency, order.OrderName, Order.Describe(order.Status), order.ExpiresAt, checkout.For(order, successUrl, failUrl));

    private static string ReturnUrl(string? given, Uri fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return fallback.ToString();
        }

        if (given.Length > 500 || !Uri.TryCreate(given, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Fragment.Length > 0)
        {
            errors[field] = [$"{field} must be an absolute http(s) URL without a fragment, at most 500 characters; Toss sends the buyer there."];
            return given;
        }

        return url.ToString();
    }
}

public sealed record PlaceOrderResult(PlacedOrderResponse? Order, Dictionary<string, string[]>? Errors, ProblemDetails? Problem)
{
    public static PlaceOrderResult Placed(PlacedOrderResponse order) => new(order, null, null);

    public static PlaceOrderResult Invalid(Dictionary<string, string[]> errors) => new(null, errors, null);

    public static PlaceOrderResult Refused(ProblemDetails problem) => new(null, null, problem);
}

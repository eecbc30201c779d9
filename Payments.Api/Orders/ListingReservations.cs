using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.Payments.Orders;

/// <summary>
/// Reserves a market listing in Closet for an order (<c>POST /internal/listings/{id}/reservations</c>), which answers
/// with the price: the order's amount never comes from the client. The buyer's own token is forwarded, so Closet
/// knows who buys without a shared secret.
/// </summary>
public sealed class ListingReservations(HttpClient http)
{
    public const string ClosetService = "closet-api";

    public async Task<ReservationResult> ReserveAsync(Guid listingId, Guid orderId, DateTimeOffset expiresAt, string buyerToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/listings/{listingId}/reservations")
        {
            Content = JsonContent.Create(new { orderId, expiresAt }),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(buyerToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var reserved = await response.Content.ReadFromJsonAsync<ReservedListing>(cancellationToken)
                ?? throw new InvalidOperationException("Closet answered the reservation with an empty body.");
            return new ReservationResult(new ListingPrice(reserved.ListingId, reserved.ItemId, reserved.SellerId, reserved.Price, reserved.Currency, reserved.OrderName), null);
        }

        // Closet's problem (404 no such listing, 409 reserved or sold, 422 your own) is the buyer's answer as it is.
        var problem = await ReadProblemAsync(response, cancellationToken);
        return new ReservationResult(null, problem);
    }

    private static async Task<ProblemDetails> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(cancellationToken);
        }

        problem ??= new ProblemDetails { Title = "Listing unavailable", Detail = "The listing cannot be reserved right now." };
        problem.Status = (int)response.StatusCode;
        return problem;
    }

    private sealed record ReservedListing(Guid ListingId, Guid ItemId, Guid SellerId, long Price, string Currency, string OrderName);
}

/// <summary>Either the reserved listing's price or Closet's reason why not.</summary>
public sealed record ReservationResult(ListingPrice? Listing, ProblemDetails? Problem);

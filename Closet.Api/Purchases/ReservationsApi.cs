using System.Security.Claims;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Closet.Purchases;

/// <summary>
/// Service to service: Payments reserves a listing for the buyer's order, with the buyer's own token. The gateway routes
/// no <c>/internal</c> path.
/// </summary>
public static class ReservationsApi
{
    public static RouteGroupBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/listings").WithTags("Internal").RequireAuthorization().ExcludeFromDescription();
        api.MapPost("/{listingId:guid}/reservations", ReserveAsync).WithName("ReserveListing")
            .WithSummary("Holds an active listing for the caller's order until it expires; the price and seller come back.");
        return api;
    }

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> ReserveAsync(
        Guid listingId, ReservationRequest request, ClaimsPrincipal principal, ListingReservation reservation, CancellationToken cancellationToken)
    {
        var result = await reservation.ReserveAsync(principal.GetUserId(), listingId, request, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();
    }
}

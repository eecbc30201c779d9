using System.Security.Claims;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Closet.Listings;

/// <summary>The seller's listing of one of their items (at most one active listing per item).</summary>
public static class ListingsApi
{
    public static RouteGroupBuilder MapListingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/closet/items/{id:guid}/listing").WithTags("Listings").RequireAuthorization();
        api.MapPost("/", ListAsync).WithName("ListItem")
            .WithSummary("Lists one of the caller's ready items on the marketplace for 1,000 to 10,000,000 KRW.");
        api.MapDelete("/", WithdrawAsync).WithName("WithdrawListing")
            .WithSummary("Takes the item's listing off the marketplace; refused while a buyer's order holds it.");
        return api;
    }

    public static async Task<Results<Created<ListingResponse>, ProblemHttpResult>> ListAsync(
        Guid id, ListingRequest request, ClaimsPrincipal principal, ListingCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.ListAsync(principal.GetUserId(), id, request, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/market/listings/{result.Value.Id}", result.Value)
            : result.Failure.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        Guid id, ClaimsPrincipal principal, ListingCommands commands, CancellationToken cancellationToken) =>
        await commands.WithdrawAsync(principal.GetUserId(), id, cancellationToken) is { } failure
            ? failure.ToProblem()
            : TypedResults.NoContent();
}

using System.Security.Claims;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Closet.Outfits;

/// <summary>The caller's outfits. Another user's outfit answers 404, never 403.</summary>
public static class OutfitsApi
{
    public static RouteGroupBuilder MapOutfitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/closet/outfits").WithTags("Outfits").RequireAuthorization();
        api.MapPost("/", CreateAsync).WithName("CreateOutfit")
            .WithSummary("Creates an outfit from 1 to 20 of the caller's ready items.");
        api.MapGet("/", ListAsync).WithName("ListOutfits")
            .WithSummary("Lists the caller's outfits, newest first.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetOutfit")
            .WithSummary("Gets one of the caller's outfits with its items and the items that left it.");
        api.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateOutfit")
            .WithSummary("Changes an outfit's name, items, occasion or season; a field left out stays as it is.");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteOutfit")
            .WithSummary("Deletes an outfit; its items stay in the closet.");
        return api;
    }

    public static async Task<Results<Created<OutfitResponse>, ProblemHttpResult>> CreateAsync(
        OutfitRequest request, ClaimsPrincipal principal, OutfitCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.CreateAsync(principal.GetUserId(), request, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/closet/outfits/{result.Value.Id}", result.Value)
            : result.Failure.ToProblem();
    }

    public static async Task<Ok<OutfitList>> ListAsync(ClaimsPrincipal principal, OutfitQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(principal.GetUserId(), cancellationToken));

    public static async Task<Results<Ok<OutfitResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal principal, OutfitQueries queries, CancellationToken cancellationToken)
    {
        var result = await queries.GetAsync(principal.GetUserId(), id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();
    }

    public static async Task<Results<Ok<OutfitResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, OutfitRequest request, ClaimsPrincipal principal, OutfitCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.UpdateAsync(principal.GetUserId(), id, request, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal principal, OutfitCommands commands, CancellationToken cancellationToken) =>
        await commands.DeleteAsync(principal.GetUserId(), id, cancellationToken) is { } failure
            ? failure.ToProblem()
            : TypedResults.NoContent();
}


namespace ClosetConnect.Closet.Market;

/// <summary>The marketplace, open to anyone: browsing needs no token.</summary>
public static class MarketApi
{
    public static RouteGroupBuilder MapMarketApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/market/listings").WithTags("Market").AllowAnonymous();
        api.MapGet("/", BrowseAsync).WithName("BrowseListings")
            .WithSummary("Lists items for sale (active and reserved), newest first, filtered by category, colour, text and price.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetListing")
            .WithSummary("Gets an active, reserved or sold listing.");
        api.MapGet("/{id:guid}/image", GetImageAsync).WithName("GetListingImage")
            .WithSummary("Streams the listed item's cut-out PNG.");
        return api;
    }

    public static async Task<Results<Ok<MarketListingPage>, ProblemHttpResult>> BrowseAsync(
        [AsParameters] MarketListingQuery query, MarketQueries market, CancellationToken cancellationToken)
    {
        var result = await market.BrowseAsync(query, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();
    }

    public static async Task<Results<Ok<MarketListingResponse>, ProblemHttpResult>> GetAsync(
        Guid id, MarketQueries market, CancellationToken cancellationToken)
    {
        var result = await market.GetAsync(id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetImageAsync(
        Guid id, MarketQueries market, CancellationToken cancellationToken) =>
        await market.OpenImageAsync(id, cancellationToken) is { } image
            ? TypedResults.Stream(image, "image/png")
            : UseCaseFailure.NotFound("This listing has no image.").ToProblem();
}

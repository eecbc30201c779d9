namespace ClosetConnect.Identity.Tokens;

public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth");
        api.MapPost("/refresh", RefreshAsync).WithName("RefreshTokens")
            .WithSummary("Trades a refresh token for a new pair; reusing a rotated token revokes its whole session.");
        api.MapPost("/logout", LogoutAsync).WithName("Logout")
            .WithSummary("Ends the session of the refresh token (every token of its family); 204 even for an unknown token.");
        return api;
    }

    public static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, Sessions sessions, CancellationToken cancellationToken)
    {
        var result = await sessions.RefreshAsync(request, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();
    }

    public static async Task<NoContent> LogoutAsync(RefreshRequest request, Sessions sessions, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(request, cancellationToken);
        return TypedResults.NoContent();
    }
}

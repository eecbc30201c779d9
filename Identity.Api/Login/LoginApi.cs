using System.Security.Claims;
using ClosetConnect.Identity.Accounts;
using ClosetConnect.Identity.Tokens;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Identity.Login;

public static class LoginApi
{
    public static IEndpointRouteBuilder MapLoginApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/login", LoginAsync).WithTags("Auth").WithName("Login")
            .WithSummary("Logs in with email and password; five failures lock the address for 15 minutes (423 with Retry-After).");
        app.MapPost("/api/v1/admin/users/{id:guid}/unlock", UnlockUserAsync).WithTags("Admin").RequireAuthorization(AdminPolicy.Name)
            .WithName("UnlockUser").WithSummary("Admins only: lifts a login lock and forgets the failed attempts; 204 whether or not it was locked.");
        return app;
    }

    public static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, PasswordLogin login, HttpResponse response, CancellationToken cancellationToken)
    {
        var result = await login.LoginAsync(request, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem(response);
    }

    public static async Task<Results<NoContent, NotFound>> UnlockUserAsync(
        Guid id, ClaimsPrincipal principal, AccountUnlock unlock, CancellationToken cancellationToken) =>
        await unlock.UnlockAsync(id, principal.GetUserId(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}

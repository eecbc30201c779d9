using System.Security.Claims;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Identity.Accounts;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        api.MapGet("/me", GetMeAsync).WithName("GetMe").WithSummary("The caller's account: email, username, full name and roles.");
        return api;
    }

    public static async Task<Results<Ok<UserProfile>, NotFound>> GetMeAsync(
        ClaimsPrincipal principal, UserProfiles profiles, CancellationToken cancellationToken) =>
        await profiles.FindAsync(principal.GetUserId(), cancellationToken) is { } profile
            ? TypedResults.Ok(profile)
            : TypedResults.NotFound();
}

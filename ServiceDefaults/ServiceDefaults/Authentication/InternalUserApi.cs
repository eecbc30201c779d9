using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClosetConnect.ServiceDefaults.Authentication;

/// <summary>
/// Service-to-service endpoints about one user, under <c>/internal/users/{id}</c>. The gateway routes no
/// <c>/internal</c> path, so only services inside the cluster reach them; each still requires the user's own access
/// token (forwarded by Identity) naming the same user as the path.
/// </summary>
public static class InternalUserApi
{
    public static RouteGroupBuilder MapInternalUserApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/internal/users/{id:guid}")
            .WithTags("Internal")
            .RequireAuthorization()
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                Guid.TryParse(context.HttpContext.GetRouteValue("id")?.ToString(), out var id) && context.HttpContext.User.GetUserId() == id
                    ? await next(context)
                    : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                        detail: "A user's data is exported only with that user's own token."));
}

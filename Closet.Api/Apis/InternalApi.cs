using System.Security.Claims;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Closet.Apis;

/// <summary>
/// Service-to-service endpoints. The gateway routes no <c>/internal</c> path, so only services inside the cluster reach
/// them; each still requires the user's own access token (forwarded by Identity) naming the same user as the path.
/// </summary>
public static class InternalApi
{
    public static RouteGroupBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/users").WithTags("Internal").RequireAuthorization().ExcludeFromDescription();
        api.MapGet("/{id:guid}/export", ExportUserDataAsync);
        return api;
    }

    /// <summary>The user's closet and every item with its image links, for the GDPR data export.</summary>
    public static async Task<Results<Ok<ClosetExport>, ProblemHttpResult>> ExportUserDataAsync(
        Guid id, ClaimsPrincipal principal, ClosetDbContext db, CancellationToken cancellationToken)
    {
        if (principal.GetUserId() != id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "A user's data is exported only with that user's own token.");
        }

        var closet = await db.Closets.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == id, cancellationToken);
        var items = await db.Items.AsNoTracking().Where(i => i.UserId == id).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ClosetExport(
            closet is null ? null : new ClosetSummary(closet.Username, closet.CreatedAt),
            items.Select(ItemResponse.From).ToList()));
    }
}

public sealed record ClosetExport(ClosetSummary? Closet, IReadOnlyList<ItemResponse> Items);

public sealed record ClosetSummary(string Username, DateTimeOffset CreatedAt);

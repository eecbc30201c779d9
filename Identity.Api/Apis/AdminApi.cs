using System.Security.Claims;
using ClosetConnect.Identity.Application.Audit;
using ClosetConnect.Identity.Application.Keys;
using ClosetConnect.Identity.Infrastructure.Security;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Identity.Apis;

/// <summary>Operations for admins only (role <c>admin</c> in the access token); anyone else gets 403.</summary>
public static class AdminApi
{
    public const string AdminPolicy = "admin";

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(AdminPolicy);
        api.MapPost("/users/{id:guid}/unlock", UnlockUserAsync);
        api.MapPost("/keys/rotate", RotateKeysAsync);
        return api;
    }

    /// <summary>Lifts a login lock and forgets the failed attempts. 204 whether or not the account was locked.</summary>
    public static async Task<Results<NoContent, NotFound>> UnlockUserAsync(
        Guid id, ClaimsPrincipal principal, IdentityDbContext db, LoginThrottle throttle, AuditLog audit, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return TypedResults.NotFound();
        }

        var wasLocked = await throttle.UnlockAsync(email);
        await audit.RecordNowAsync(new AuditEntry(AuditActions.Unlock, AuditOutcome.Success, id, ActorId: principal.GetUserId(),
            Resource: $"user/{id}", Reason: wasLocked ? "lock-lifted" : "not-locked"), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Adds a new signing key and makes it active. The old keys keep verifying until the tokens they signed have expired;
    /// with <c>?emergency=true</c> they are retired at once and every refresh token is revoked.
    /// </summary>
    public static async Task<Ok<KeyRotationResult>> RotateKeysAsync(
        ClaimsPrincipal principal, KeyRotation rotation, CancellationToken cancellationToken, bool emergency = false) =>
        TypedResults.Ok(await rotation.RotateAsync(emergency, principal.GetUserId(), cancellationToken));
}

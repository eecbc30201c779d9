using System.Net.Http.Headers;
using System.Security.Claims;
using ClosetConnect.Identity.Application.Accounts;
using ClosetConnect.Identity.Application.Audit;
using ClosetConnect.Identity.Application.Gdpr;
using ClosetConnect.Identity.Infrastructure.Encryption;
using ClosetConnect.Identity.Infrastructure.Export;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Identity.Apis;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        api.MapGet("/me", GetMeAsync);
        api.MapGet("/me/data-export", ExportMyDataAsync);
        api.MapPost("/me/delete-account", DeleteMyAccountAsync);
        return api;
    }

    public static async Task<Results<Ok<UserProfile>, NotFound>> GetMeAsync(
        ClaimsPrincipal principal, IdentityDbContext db, FieldEncryptor encryptor, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new UserProfile(user.Id, user.Email, user.Username, encryptor.Decrypt(user.FullNameEncrypted),
                user.Role, user.GrantedRoles, user.IsEmailVerified, user.CreatedAt));
    }

    /// <summary>Everything every service holds about the caller, gathered over internal HTTP with the caller's own token.</summary>
    public static async Task<Results<Ok<DataExportDocument>, NotFound, ProblemHttpResult>> ExportMyDataAsync(
        ClaimsPrincipal principal, HttpContext context, DataExport export, ILogger<DataExport> logger, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        // The endpoint requires a valid bearer token, so the header is there; it is forwarded as it came.
        var accessToken = AuthenticationHeaderValue.Parse(context.Request.Headers.Authorization.ToString()).Parameter!;
        try
        {
            var document = await export.ExportAsync(userId, accessToken, cancellationToken);
            return document is null ? TypedResults.NotFound() : TypedResults.Ok(document);
        }
        catch (Exception ex) when (ex is ServiceDataUnavailableException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            logger.LogError(ex, "Data export of user {UserId} failed", userId);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Export unavailable",
                detail: "Part of your data could not be gathered right now. Try again in a few minutes.");
        }
    }

    /// <summary>
    /// Erases the caller's account after checking the password again (a stolen access token alone cannot do it). 202:
    /// Identity's part is gone when this answers; Closet and Payments follow through the <c>identity.user-deleted</c> event.
    /// </summary>
    public static async Task<Results<Accepted, NotFound, ProblemHttpResult>> DeleteMyAccountAsync(
        DeleteAccountRequest request, ClaimsPrincipal principal, IdentityDbContext db, PasswordHasher passwords,
        AccountEraser eraser, AuditLog audit, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (!passwords.Verify(request.Password ?? string.Empty, user.PasswordHash))
        {
            await audit.RecordNowAsync(new AuditEntry(AuditActions.Delete, AuditOutcome.Failure, userId, Reason: "wrong-password"), cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Password incorrect",
                detail: "Confirm the deletion with your current password.");
        }

        await eraser.EraseAsync(user, AuditActions.Delete, actorId: null, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}

public sealed record UserProfile(Guid Id, string Email, string Username, string FullName, string Role, IReadOnlyList<string> Roles, bool EmailVerified, DateTimeOffset CreatedAt);

public sealed record DeleteAccountRequest(string? Password);

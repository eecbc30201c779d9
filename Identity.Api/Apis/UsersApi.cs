using ClosetConnect.Identity.Infrastructure.Encryption;
using ClosetConnect.ServiceDefaults.Authentication;
using System.Security.Claims;

namespace ClosetConnect.Identity.Apis;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        api.MapGet("/me", GetMeAsync);
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
                user.Role, user.IsEmailVerified, user.CreatedAt));
    }
}

public sealed record UserProfile(Guid Id, string Email, string Username, string FullName, string Role, bool EmailVerified, DateTimeOffset CreatedAt);

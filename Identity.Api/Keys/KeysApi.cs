using System.Security.Claims;
using ClosetConnect.Identity.Accounts;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Identity.Keys;

public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", GetKeySetAsync).WithTags("Keys").WithName("GetKeySet")
            .WithSummary("Every key that may still have signed a valid token: the active one and those not yet retired.");
        app.MapPost("/api/v1/admin/keys/rotate", RotateKeysAsync).WithTags("Admin").RequireAuthorization(AdminPolicy.Name)
            .WithName("RotateKeys")
            .WithSummary("Admins only: a new signing key; with ?emergency=true the old keys retire at once and every refresh token is revoked.");
        return app;
    }

    public static async Task<Ok<KeySet>> GetKeySetAsync(SigningKeyRing keyRing, HttpResponse response, CancellationToken cancellationToken)
    {
        var keys = await keyRing.GetValidationKeysAsync(cancellationToken);
        response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(KeySet.Of(keys));
    }

    public static async Task<Ok<KeyRotationResult>> RotateKeysAsync(
        ClaimsPrincipal principal, KeyRotation rotation, CancellationToken cancellationToken, bool emergency = false) =>
        TypedResults.Ok(await rotation.RotateAsync(emergency, principal.GetUserId(), cancellationToken));
}

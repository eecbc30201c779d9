using ClosetConnect.Identity.Infrastructure.Signing;
using Microsoft.IdentityModel.Tokens;

namespace ClosetConnect.Identity.Apis;

public static class JwksApi
{
    public static IEndpointRouteBuilder MapJwksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", GetKeySetAsync).WithTags("Keys");
        return app;
    }

    /// <summary>Every key that may still have signed a valid token (the active one and those not yet retired).</summary>
    public static async Task<Ok<KeySet>> GetKeySetAsync(SigningKeyRing keyRing, HttpResponse response, CancellationToken cancellationToken)
    {
        var keys = await keyRing.GetValidationKeysAsync(cancellationToken);
        response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(new KeySet(keys.Select(key =>
        {
            var parameters = key.ECDsa.ExportParameters(includePrivateParameters: false);
            return new PublicKey("EC", "sig", key.KeyId, SigningKey.Es256, "P-256",
                Base64UrlEncoder.Encode(parameters.Q.X), Base64UrlEncoder.Encode(parameters.Q.Y));
        }).ToList()));
    }
}

public sealed record KeySet(IReadOnlyList<PublicKey> Keys);

public sealed record PublicKey(string Kty, string Use, string Kid, string Alg, string Crv, string X, string Y);

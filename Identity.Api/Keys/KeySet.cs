using Microsoft.IdentityModel.Tokens;

namespace ClosetConnect.Identity.Keys;

/// <summary>The public signing keys as a JSON Web Key Set (RFC 7517), for every service that validates tokens.</summary>
public sealed record KeySet(IReadOnlyList<PublicKey> Keys)
{
    public static KeySet Of(IEnumerable<ECDsaSecurityKey> keys) => new(keys.Select(key =>
    {
        var parameters = key.ECDsa.ExportParameters(includePrivateParameters: false);
        return new PublicKey("EC", "sig", key.KeyId, SigningKey.Es256, "P-256",
            Base64UrlEncoder.Encode(parameters.Q.X), Base64UrlEncoder.Encode(parameters.Q.Y));
    }).ToList());
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClosetConnect.Identity.PersonalData;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MySqlConnector;

namespace ClosetConnect.IntegrationTests.Security;

/// <summary>
/// Mints access tokens the way an attacker (or a bug) might: with Identity's real signing key but one claim wrong,
/// with another key, with no signature, or HMAC-signed with the public key. The real key is read from Identity's
/// database with the development field-encryption key, so each check is tested alone.
/// </summary>
public sealed class TokenForge
{
    public const string Issuer = "closetconnect-identity";
    public const string Audience = "closetconnect-api";
    private readonly ECDsaSecurityKey _signingKey;

    private TokenForge(ECDsaSecurityKey signingKey) => _signingKey = signingKey;

    public static async Task<TokenForge> FromIdentityDatabaseAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(await app.GetConnectionStringAsync("identitydb", cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(
            "SELECT Id, PrivateKeyEncrypted FROM SigningKeys WHERE RetiredAt IS NULL ORDER BY ActivatedAt DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (keyId, encrypted) = (reader.GetString(0), reader.GetString(1));

        var pkcs8 = Convert.FromBase64String(DevelopmentEncryptor().Decrypt(encrypted));
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return new TokenForge(new ECDsaSecurityKey(ecdsa) { KeyId = keyId });
    }

    public string KeyId => _signingKey.KeyId;

    public string Sign(Guid userId, DateTime expires, string issuer = Issuer, string audience = Audience, SecurityKey? key = null, string role = "user")
    {
        var signingKey = key ?? _signingKey;
        var algorithm = signingKey is SymmetricSecurityKey ? SecurityAlgorithms.HmacSha256 : SecurityAlgorithms.EcdsaSha256;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(signingKey, algorithm),
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("role", role), new Claim("jti", Guid.NewGuid().ToString())]),
        });
    }

    /// <summary>A fresh ES256 key claiming the real key's id.</summary>
    public ECDsaSecurityKey ImpostorKey() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = KeyId };

    /// <summary>HS256 with the public key's bytes as the secret: the classic algorithm-confusion attack.</summary>
    public SymmetricSecurityKey PublicKeyAsHmacSecret()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(_signingKey.ECDsa.ExportParameters(false))));
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { jwk.Crv, jwk.Kty, jwk.X, jwk.Y }))) { KeyId = KeyId };
    }

    /// <summary>The same claims, <c>alg: none</c>, no signature.</summary>
    public static string Unsigned(Guid userId, DateTime expires)
    {
        static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
        var exp = new DateTimeOffset(expires).ToUnixTimeSeconds();
        return $"{Encode(new { alg = "none", typ = "JWT" })}.{Encode(new { sub = userId, iss = Issuer, aud = Audience, exp, nbf = exp - 3600, role = "admin" })}.";
    }

    /// <summary>A real token whose payload was edited (made admin) while keeping the original signature.</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var edited = payload.ToDictionary(p => p.Key, p => (object)p.Value);
        edited["role"] = "admin";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(edited))}.{parts[2]}";
    }

    private static FieldEncryptor DevelopmentEncryptor()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Identity.Api", "appsettings.Development.json")));
        var section = settings.RootElement.GetProperty("FieldEncryption");
        return new FieldEncryptor(Options.Create(new FieldEncryptionOptions
        {
            ActiveKeyId = section.GetProperty("ActiveKeyId").GetString()!,
            Keys = section.GetProperty("Keys").EnumerateObject().ToDictionary(k => k.Name, k => k.Value.GetString()!),
        }));
    }
}

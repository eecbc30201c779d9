using System.Security.Claims;
using ClosetConnect.Identity.Keys;
using ClosetConnect.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClosetConnect.Identity.Tokens;

/// <summary>Signs access tokens (ES256, 1 hour) carrying the user id, name, roles (a JSON array) and a token id.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keyRing, IOptions<TokenValidationSettings> settings, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<string> IssueAsync(User user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Value.Issuer,
            Audience = settings.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = await keyRing.GetSigningCredentialsAsync(cancellationToken),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
                new Claim("name", user.Username),
                .. user.GrantedRoles.Select(role => new Claim("role", role)),
            ]),
        };
        return _handler.CreateToken(descriptor);
    }
}

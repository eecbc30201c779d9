using ClosetConnect.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClosetConnect.Identity.Keys;

/// <summary>Identity validates its own tokens against its key ring directly instead of fetching its own JWKS over HTTP.</summary>
internal sealed class KeyRingConfigurationManager(SigningKeyRing keyRing, IOptions<TokenValidationSettings> settings)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = settings.Value.Issuer };
        foreach (var key in await keyRing.GetValidationKeysAsync(cancel))
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    public void RequestRefresh() => keyRing.Invalidate();
}

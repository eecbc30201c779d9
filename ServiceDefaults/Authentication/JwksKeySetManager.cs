using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ClosetConnect.ServiceDefaults.Authentication;

/// <summary>
/// Identity's signing keys as the other services see them: the JWKS document, re-read at most
/// <see cref="TokenValidationSettings.JwksRefreshInterval"/> after the last read, and at once (at most once a second)
/// when a token names a key the cached set lacks.
/// Why not IdentityModel's <c>ConfigurationManager</c>: it re-reads at most every 5 minutes (12 hours by default) and
/// falls back to a "last known good" key set, so a key retired in an emergency kept verifying tokens for that long.
/// Here a retired key stops verifying within the refresh interval, and a new key works on its first token.
/// </summary>
internal sealed class JwksKeySetManager(
    string jwksUrl, IDocumentRetriever documents, IConfigurationRetriever<OpenIdConnectConfiguration> retriever, TimeSpan refreshInterval, TimeProvider time)
    : BaseConfigurationManager, IConfigurationManager<OpenIdConnectConfiguration>
{
    private static readonly TimeSpan MinimumRefreshGap = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;
    private volatile bool _refreshRequested;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (IsFresh(_current))
        {
            return _current!;
        }

        await _fetchGate.WaitAsync(cancel);
        try
        {
            if (IsFresh(_current))
            {
                return _current!;
            }

            _refreshRequested = false;
            try
            {
                _current = await retriever.GetConfigurationAsync(jwksUrl, documents, cancel);
            }
            catch (Exception) when (_current is not null)
            {
                // Identity is briefly unreachable: keep the keys we have and try again after the minimum gap.
                _fetchedAt = time.GetUtcNow() - refreshInterval + MinimumRefreshGap;
                return _current;
            }

            _fetchedAt = time.GetUtcNow();
            return _current;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    public override async Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) =>
        await GetConfigurationAsync(cancel);

    /// <summary>A token named an unknown key: re-read on the next request, unless the set was read less than a second ago.</summary>
    public override void RequestRefresh()
    {
        if (time.GetUtcNow() - _fetchedAt >= MinimumRefreshGap)
        {
            _refreshRequested = true;
        }
    }

    private bool IsFresh(OpenIdConnectConfiguration? current) =>
        current is not null && !_refreshRequested && time.GetUtcNow() - _fetchedAt < refreshInterval;
}

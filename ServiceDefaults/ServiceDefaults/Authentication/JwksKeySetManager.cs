using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ClosetConnect.ServiceDefaults.Authentication;

/// <summary>
/// Identity's signing keys as the other services see them: the JWKS document, re-read once
/// <see cref="TokenValidationSettings.JwksRefreshInterval"/> has passed since the last read, and at once (at most once a
/// second) when a token names a key the cached set lacks.
/// Why not IdentityModel's <c>ConfigurationManager</c>: it re-reads at most every 5 minutes (12 hours by default) and
/// falls back to a "last known good" key set, so a key retired in an emergency kept verifying tokens for that long.
/// Here a retired key stops verifying once the first read after the interval has answered, and a new key works on its
/// first token. A re-read because the interval passed happens in the background: requests go on with the keys they
/// have meanwhile, so an Identity that is restarting (connections taken, nothing answering until the JWKS client times
/// out) does not hold up every request of this service with it.
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
        var current = _current;
        if (IsFresh(current))
        {
            return current!;
        }

        if (current is not null && !_refreshRequested)
        {
            // Only the interval passed: one re-read in the background (none if one is running), these keys meanwhile.
            if (_fetchGate.Wait(0))
            {
                _ = RefreshInBackgroundAsync();
            }
            return current;
        }

        await _fetchGate.WaitAsync(cancel);
        try
        {
            return IsFresh(_current) ? _current! : await FetchAsync(cancel);
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

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await FetchAsync(CancellationToken.None);
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    /// <summary>Reads the key set; with the gate held. A failed read keeps the keys we have and is retried after the minimum gap.</summary>
    private async Task<OpenIdConnectConfiguration> FetchAsync(CancellationToken cancel)
    {
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

    private bool IsFresh(OpenIdConnectConfiguration? current) =>
        current is not null && !_refreshRequested && time.GetUtcNow() - _fetchedAt < refreshInterval;
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ClosetConnect.ServiceDefaults.UnitTests;

/// <summary>Identity's signing keys as Closet and Payments hold them (AddDefaultAuthentication), with Identity answering or not.</summary>
[CancelAfter(30_000)]
public class JwksRefreshTests
{
    private static readonly TimeSpan PastTheRefreshInterval = TimeSpan.FromSeconds(16);

    [Test]
    public async Task While_Identity_does_not_answer_a_request_goes_on_with_the_keys_already_read(CancellationToken cancellationToken)
    {
        var (identity, clock, host, keys) = await KeysReadOnceAsync(cancellationToken);
        using var _ = host;

        // Identity restarting: the connection is taken and nothing answers (what DCP's proxy does meanwhile).
        identity.StopAnswering();
        clock.Advance(PastTheRefreshInterval);
        var during = keys.GetConfigurationAsync(cancellationToken);

        Assert.That(await Task.WhenAny(during, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)), Is.SameAs(during),
            "the request waited for Identity to answer");
        Assert.That(KeyIds(await during), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task After_the_refresh_interval_a_retired_key_is_gone_once_Identity_answered(CancellationToken cancellationToken)
    {
        var (identity, clock, host, keys) = await KeysReadOnceAsync(cancellationToken);
        using var _ = host;

        identity.Serve("b");
        clock.Advance(PastTheRefreshInterval);

        await Eventually.HoldsAsync("only key b in the set", async () => KeyIds(await keys.GetConfigurationAsync(cancellationToken)).SequenceEqual(["b"]),
            cancellationToken, TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task A_token_naming_an_unknown_key_gets_the_new_key_set_on_its_first_try(CancellationToken cancellationToken)
    {
        var (identity, clock, host, keys) = await KeysReadOnceAsync(cancellationToken);
        using var _ = host;

        identity.Serve("b");
        clock.Advance(TimeSpan.FromSeconds(2));
        keys.RequestRefresh();

        Assert.That(KeyIds(await keys.GetConfigurationAsync(cancellationToken)), Is.EqualTo(new[] { "b" }));
    }

    /// <summary>The keys as a service holds them once it has read Identity's key "a".</summary>
    private static async Task<(ScriptedIdentity Identity, FakeTimeProvider Clock, IHost Host, IConfigurationManager<OpenIdConnectConfiguration> Keys)>
        KeysReadOnceAsync(CancellationToken cancellationToken)
    {
        var identity = new ScriptedIdentity("a");
        var clock = new FakeTimeProvider();
        var host = Host(identity, clock);
        var keys = KeySet(host);
        await keys.GetConfigurationAsync(cancellationToken);
        return (identity, clock, host, keys);
    }

    private static IHost Host(ScriptedIdentity identity, TimeProvider clock)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(clock);
        builder.AddDefaultAuthentication();
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new IdentityHandler(identity)));
        return builder.Build();
    }

    private static IConfigurationManager<OpenIdConnectConfiguration> KeySet(IHost host) =>
        (IConfigurationManager<OpenIdConnectConfiguration>)host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager!;

    private static string[] KeyIds(OpenIdConnectConfiguration configuration) => [.. configuration.SigningKeys.Select(k => k.KeyId)];

    /// <summary>Identity's JWKS endpoint: one ES256 key under a chosen id, or a connection that never answers.</summary>
    private sealed class ScriptedIdentity(string keyId)
    {
        private volatile string? _keyId = keyId;

        public void Serve(string keyId) => _keyId = keyId;

        public void StopAnswering() => _keyId = null;

        public string? KeyId => _keyId;
    }

    private sealed class IdentityHandler(ScriptedIdentity identity) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // No key to serve: the answer never comes (until the caller gives up).
            var keyId = identity.KeyId ?? await new TaskCompletionSource<string>().Task.WaitAsync(cancellationToken);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var point = key.ExportParameters(includePrivateParameters: false).Q;
            var jwks = $$"""{"keys":[{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"{{keyId}}","x":"{{Base64UrlEncoder.Encode(point.X)}}","y":"{{Base64UrlEncoder.Encode(point.Y)}}"}]}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(jwks, Encoding.UTF8, "application/json") };
        }
    }
}

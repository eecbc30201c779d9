using ClosetConnect.Gateway.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClosetConnect.IntegrationTests.Security;

/// <summary>
/// One gateway replica in this process, on Kestrel at a free loopback port (so clients have a real address and the
/// gateway trusts their X-Forwarded-For, as from the ingress), with its Redis and its settings given by the test.
/// An allowed login ends in 502 (Identity's cluster points at a closed port): the tests count limiter decisions.
/// </summary>
public sealed class GatewayReplica : WebApplicationFactory<RateLimitingOptions>
{
    private readonly Dictionary<string, string?> settings;

    private GatewayReplica(string redisConnectionString, IReadOnlyDictionary<string, string?> settings)
    {
        this.settings = new(settings)
        {
            [$"ConnectionStrings:{RateLimitingSetup.RedisConnectionName}"] = redisConnectionString,
            ["ReverseProxy:Clusters:identity:Destinations:identity:Address"] = "http://127.0.0.1:1",
        };
        UseKestrel(0);
    }

    public static GatewayReplica Start(string redisConnectionString, IReadOnlyDictionary<string, string?> settings)
    {
        var replica = new GatewayReplica(redisConnectionString, settings);
        replica.StartServer();
        return replica;
    }

    /// <summary>A client that the gateway sees as <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

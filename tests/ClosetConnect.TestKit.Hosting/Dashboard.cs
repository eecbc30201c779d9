using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClosetConnect.TestKit.Hosting;

/// <summary>
/// The Aspire dashboard of a test run: its UI and OTLP endpoint on free ports, not a developer's 18888/18889, and
/// without a login, so the tests can read its telemetry API (loopback only, as in a developer's run).
/// </summary>
public static class Dashboard
{
    public static IReadOnlyList<string> Arguments() =>
    [
        $"--ASPNETCORE_URLS=http://127.0.0.1:{FreePort()}",
        $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:{FreePort()}",
        "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
    ];

    /// <summary>
    /// A client of the dashboard's telemetry API. An API key that an earlier, secured run left in the AppHost's user
    /// secrets (<c>AppHost:DashboardApiKey</c>) stays in force; it is sent when there is one.
    /// </summary>
    public static async Task<HttpClient> CreateClientAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = await app.GetDashboardUrlAsync(cancellationToken) };
        if (app.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"] is { Length: > 0 } apiKey)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

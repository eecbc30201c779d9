using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Marketplace;

/// <summary>Calls the Toss simulator's API as Payments would, with Payments' development key: an attempt whose answer we lost.</summary>
public static class TossDirect
{
    public const string DevelopmentSecretKey = "test_sk_closetconnect_simulator";

    public static async Task ConfirmAsync(DistributedApplication app, Market.Redirect redirect, CancellationToken cancellationToken)
    {
        using var toss = app.CreateHttpClient(Market.SimulatorResource);
        toss.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(DevelopmentSecretKey + ":")));
        using var confirmed = await toss.PostAsJsonAsync("/v1/payments/confirm",
            new { redirect.PaymentKey, redirect.OrderId, amount = long.Parse(redirect.Amount, System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        await GatewayClient.EnsureAsync(confirmed, HttpStatusCode.OK, cancellationToken);
    }
}

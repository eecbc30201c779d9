using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;
using MySqlConnector;

namespace ClosetConnect.IntegrationTests.Marketplace;

/// <summary>
/// What a seller, a buyer and the Toss payment window do in a purchase, through the gateway (and, for the window, the
/// simulator's pages, as a browser would).
/// </summary>
public static class Market
{
    public const string SimulatorResource = "toss-simulator";

    public sealed record Listed(Guid ItemId, Guid ListingId, long Price, string ItemName);

    public sealed record PlacedOrder(Guid OrderId, string TossOrderId, long Amount, string WindowUrl, JsonElement Body);

    public sealed record Redirect(string PaymentKey, string OrderId, string Amount);

    /// <summary>Uploads a photo, waits for Vision to make the item ready, and lists it at <paramref name="price"/>.</summary>
    public static async Task<Listed> ListReadyItemAsync(GatewayClient.Account seller, long price, CancellationToken cancellationToken, string photo = "images/photo-03.png")
    {
        var itemId = await UploadReadyItemAsync(seller, $"Item {Guid.NewGuid():N}"[..13], cancellationToken, photo);
        using var listed = await seller.Client.PostAsJsonAsync($"/api/v1/closet/items/{itemId}/listing", new { price, currency = "KRW", description = "Worn twice" }, cancellationToken);
        await GatewayClient.EnsureAsync(listed, HttpStatusCode.Created, cancellationToken);
        var listing = await listed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var item = await seller.Client.GetFromJsonAsync<JsonElement>($"/api/v1/closet/items/{itemId}", cancellationToken);
        return new Listed(itemId, listing.GetProperty("id").GetGuid(), price, item.GetProperty("name").GetString()!);
    }

    public static async Task<Guid> UploadReadyItemAsync(GatewayClient.Account owner, string name, CancellationToken cancellationToken, string photo = "images/photo-03.png")
    {
        using var upload = await owner.Client.PostAsync("/api/v1/closet/items", GatewayClient.ItemForm(RepositoryPaths.VisionFixture(photo), name), cancellationToken);
        await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, cancellationToken);
        var itemId = (await upload.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        await Eventually.HoldsAsync($"item {itemId} analysed", async () =>
            (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/closet/items/{itemId}", cancellationToken)).GetProperty("status").GetString() == "ready",
            cancellationToken);
        return itemId;
    }

    public static async Task<HttpResponseMessage> TryOrderAsync(GatewayClient.Account buyer, Guid listingId, CancellationToken cancellationToken) =>
        await buyer.Client.PostAsJsonAsync("/api/v1/payments/orders", new { listingId }, cancellationToken);

    public static async Task<PlacedOrder> OrderAsync(GatewayClient.Account buyer, Guid listingId, CancellationToken cancellationToken)
    {
        using var response = await TryOrderAsync(buyer, listingId, cancellationToken);
        await GatewayClient.EnsureAsync(response, HttpStatusCode.Created, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var orderId = body.GetProperty("orderId").GetGuid();
        return new PlacedOrder(orderId, orderId.ToString("N"), body.GetProperty("amount").GetInt64(),
            body.GetProperty("checkout").GetProperty("windowUrl").GetString()!, body);
    }

    /// <summary>Opens the payment window and presses Pay, as the buyer's browser would; returns the successUrl redirect.</summary>
    public static async Task<Redirect> PayInWindowAsync(PlacedOrder order, CancellationToken cancellationToken)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var window = await browser.GetAsync(order.WindowUrl, cancellationToken);
        await GatewayClient.EnsureAsync(window, HttpStatusCode.OK, cancellationToken);
        var windowUri = new Uri(order.WindowUrl);
        using var approved = await browser.PostAsync(new Uri(windowUri, "/checkout/approve"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["orderId"] = order.TossOrderId,
            ["amount"] = order.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), cancellationToken);
        await GatewayClient.EnsureAsync(approved, HttpStatusCode.SeeOther, cancellationToken);
        var query = System.Web.HttpUtility.ParseQueryString(approved.Headers.Location!.Query);
        Assert.That(query["paymentType"], Is.EqualTo("NORMAL"));
        return new Redirect(query["paymentKey"]!, query["orderId"]!, query["amount"]!);
    }

    public static async Task<HttpResponseMessage> ConfirmAsync(GatewayClient.Account buyer, Redirect redirect, CancellationToken cancellationToken, long? amount = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/confirm")
        {
            Content = JsonContent.Create(new { paymentKey = redirect.PaymentKey, orderId = redirect.OrderId, amount = amount ?? long.Parse(redirect.Amount, System.Globalization.CultureInfo.InvariantCulture) }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await buyer.Client.SendAsync(request, cancellationToken);
    }

    /// <summary>Orders, pays in the window and confirms; the order is paid when this returns.</summary>
    public static async Task<PlacedOrder> BuyAsync(GatewayClient.Account buyer, Guid listingId, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(buyer, listingId, cancellationToken);
        var redirect = await PayInWindowAsync(order, cancellationToken);
        using var confirmed = await ConfirmAsync(buyer, redirect, cancellationToken);
        await GatewayClient.EnsureAsync(confirmed, HttpStatusCode.OK, cancellationToken);
        return order;
    }

    public static async Task<JsonElement> OrderStateAsync(GatewayClient.Account party, Guid orderId, CancellationToken cancellationToken) =>
        await party.Client.GetFromJsonAsync<JsonElement>($"/api/v1/payments/orders/{orderId}", cancellationToken);

    public static Task WaitForOrderAsync(GatewayClient.Account party, Guid orderId, string status, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync($"order {orderId} {status}", async () =>
            (await OrderStateAsync(party, orderId, cancellationToken)).GetProperty("status").GetString() == status, cancellationToken, timeout);

    /// <summary>The simulator's test-only view of an order's payment: how often Toss approved it, its status, webhooks.</summary>
    public static async Task<JsonElement> SimulatorOrderAsync(DistributedApplication app, string tossOrderId, CancellationToken cancellationToken)
    {
        using var simulator = app.CreateHttpClient(SimulatorResource);
        return await simulator.GetFromJsonAsync<JsonElement>($"/simulator/orders/{tossOrderId}", cancellationToken);
    }

    public static async Task SimulatorPostAsync(DistributedApplication app, string path, object body, CancellationToken cancellationToken)
    {
        using var simulator = app.CreateHttpClient(SimulatorResource);
        using var response = await simulator.PostAsJsonAsync(path, body, cancellationToken);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    /// <summary>Moves an order's reservation end into the past, as if the buyer had left the window open for 15 minutes.</summary>
    public static async Task ExpireReservationAsync(DistributedApplication app, Guid orderId, CancellationToken cancellationToken)
    {
        var root = new MySqlConnectionStringBuilder((await app.GetConnectionStringAsync("mariadb", cancellationToken))!) { Database = "paymentsdb" };
        await using var connection = new MySqlConnection(root.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand("UPDATE Orders SET ExpiresAt = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE Id = @id", connection);
        command.Parameters.AddWithValue("@id", orderId);
        Assert.That(await command.ExecuteNonQueryAsync(cancellationToken), Is.EqualTo(1));
    }

    public static async Task<JsonElement> LedgerAsync(GatewayClient.Account seller, CancellationToken cancellationToken) =>
        await seller.Client.GetFromJsonAsync<JsonElement>("/api/v1/payments/ledger", cancellationToken);
}

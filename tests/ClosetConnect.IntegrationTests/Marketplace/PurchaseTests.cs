using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Marketplace;

/// <summary>A purchase as seller and buyer live it, through the gateway only, against the Toss simulator.</summary>
[CancelAfter(240_000)]
public sealed class PurchaseTests
{
    [Test]
    public async Task A_listed_item_is_browsed_anonymously_bought_and_moves_to_the_buyer_with_the_sale_in_the_sellers_ledger(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 35_000, cancellationToken);

        // Anyone can browse: the listing shows the cut-out and the seller's username, never an email or the original photo.
        using var anonymous = GatewayClient.CreateClient(app);
        var market = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/market/listings?q={Uri.EscapeDataString(listed.ItemName)}", cancellationToken);
        var listing = market.GetProperty("listings").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(listing.GetProperty("id").GetGuid(), Is.EqualTo(listed.ListingId));
            Assert.That(listing.GetProperty("price").GetInt64(), Is.EqualTo(35_000));
            Assert.That(listing.GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(listing.GetProperty("seller").GetProperty("username").GetString(), Is.EqualTo(seller.Username));
            Assert.That(listing.GetProperty("imageUrl").GetString(), Is.EqualTo($"/api/v1/market/listings/{listed.ListingId}/image"));
            Assert.That(listing.GetRawText(), Does.Not.Contain(seller.Email).And.Not.Contain(seller.UserId.ToString()).And.Not.Contain("/api/v1/closet/"));
        });
        using var image = await anonymous.GetAsync($"/api/v1/market/listings/{listed.ListingId}/image", cancellationToken);
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        var cutout = await seller.Client.GetByteArrayAsync($"/api/v1/closet/items/{listed.ItemId}/cutout", cancellationToken);
        Assert.That(await image.Content.ReadAsByteArrayAsync(cancellationToken), Is.EqualTo(cutout), "the market shows the cut-out");

        var order = await Market.OrderAsync(buyer, listed.ListingId, cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(order.Amount, Is.EqualTo(35_000), "the price comes from Closet");
            Assert.That(order.Body.GetProperty("status").GetString(), Is.EqualTo("pending"));
            Assert.That(order.Body.GetProperty("expiresAt").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.UtcNow.AddMinutes(15)).Within(TimeSpan.FromMinutes(1)));
            Assert.That(order.Body.GetProperty("checkout").GetProperty("clientKey").GetString(), Does.StartWith("test_ck_"));
        });
        var reserved = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/market/listings/{listed.ListingId}", cancellationToken);
        Assert.That(reserved.GetProperty("status").GetString(), Is.EqualTo("reserved"));

        var redirect = await Market.PayInWindowAsync(order, cancellationToken);
        Assert.That(redirect.OrderId, Is.EqualTo(order.TossOrderId));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var confirmed = await Market.ConfirmAsync(buyer, redirect, cancellationToken);
        await GatewayClient.EnsureAsync(confirmed, HttpStatusCode.OK, cancellationToken);
        var paid = await confirmed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.That(paid.GetProperty("status").GetString(), Is.EqualTo("paid"));
        Assert.That(paid.GetProperty("approvedAt").ValueKind, Is.EqualTo(JsonValueKind.String));

        var bought = await Eventually.GetValueAsync("the item in the buyer's closet", async () =>
        {
            using var response = await buyer.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}", cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : (JsonElement?)null;
        }, cancellationToken);
        await TestContext.Progress.WriteLineAsync($"Confirm to item in the buyer's closet: {clock.ElapsedMilliseconds} ms");
        Assert.Multiple(() =>
        {
            Assert.That(bought.GetProperty("status").GetString(), Is.EqualTo("ready"));
            Assert.That(bought.GetProperty("category").GetString(), Is.EqualTo("top"));
            Assert.That(bought.GetProperty("colors").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(bought.GetProperty("listing").ValueKind, Is.EqualTo(JsonValueKind.Null), "the seller's listing does not follow the item");
        });
        Assert.That(await buyer.Client.GetByteArrayAsync($"/api/v1/closet/items/{listed.ItemId}/cutout", cancellationToken), Is.EqualTo(cutout));
        using var sellersView = await seller.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}", cancellationToken);
        Assert.That(sellersView.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the item left the seller's closet");

        var sold = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/market/listings/{listed.ListingId}", cancellationToken);
        Assert.That(sold.GetProperty("status").GetString(), Is.EqualTo("sold"));

        var ledger = await Eventually.GetValueAsync("the sale in the seller's ledger", async () =>
        {
            var current = await Market.LedgerAsync(seller, cancellationToken);
            return current.GetProperty("entries").GetArrayLength() > 0 ? current : (JsonElement?)null;
        }, cancellationToken);
        var entries = ledger.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("kind").GetString()!, e => e.GetProperty("amount").GetInt64());
        Assert.That(entries, Is.EquivalentTo(new Dictionary<string, long> { ["sale"] = 35_000, ["platform-fee"] = -3_500 }));
        Assert.That(ledger.GetProperty("balance").GetInt64(), Is.EqualTo(31_500));

        var sales = await seller.Client.GetFromJsonAsync<JsonElement>("/api/v1/payments/sales", cancellationToken);
        Assert.That(sales.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetGuid()), Is.EquivalentTo(new[] { order.OrderId }));
        var purchases = await buyer.Client.GetFromJsonAsync<JsonElement>("/api/v1/payments/orders", cancellationToken);
        var purchase = purchases.GetProperty("orders").EnumerateArray().Single();
        Assert.That(purchase.GetProperty("status").GetString(), Is.EqualTo("paid"));
        Assert.That(purchase.GetProperty("itemTransferredAt").ValueKind, Is.EqualTo(JsonValueKind.String));
    }

    [Test]
    public async Task Two_buyers_racing_for_one_listing_get_one_order_and_one_409(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var first = await GatewayClient.SignUpAsync(app, cancellationToken);
        var second = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 12_000, cancellationToken);

        var responses = await Task.WhenAll(Market.TryOrderAsync(first, listed.ListingId, cancellationToken), Market.TryOrderAsync(second, listed.ListingId, cancellationToken));
        try
        {
            Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            var refused = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((await refused.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("detail").GetString(), Does.Contain("reserved"));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        using var own = await Market.TryOrderAsync(seller, listed.ListingId, cancellationToken);
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.Conflict).Or.EqualTo(HttpStatusCode.UnprocessableEntity), "a seller never buys their own listing");
    }

    [Test]
    public async Task A_buyer_who_cancels_releases_the_listing_for_the_next(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var first = await GatewayClient.SignUpAsync(app, cancellationToken);
        var second = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 5_000, cancellationToken);
        var order = await Market.OrderAsync(first, listed.ListingId, cancellationToken);

        using var withdraw = await seller.Client.DeleteAsync($"/api/v1/closet/items/{listed.ItemId}/listing", cancellationToken);
        Assert.That(withdraw.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "nobody withdraws a listing someone is paying for");

        using var cancelled = await first.Client.PostAsync($"/api/v1/payments/orders/{order.OrderId}/cancel", null, cancellationToken);
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Eventually.HoldsAsync("the listing released", async () =>
        {
            using var next = await Market.TryOrderAsync(second, listed.ListingId, cancellationToken);
            return next.StatusCode == HttpStatusCode.Created;
        }, cancellationToken);
        Assert.That((await Market.OrderStateAsync(first, order.OrderId, cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("cancelled"));
    }
}

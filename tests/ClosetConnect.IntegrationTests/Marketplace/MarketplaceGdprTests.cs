using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Marketplace;

[CancelAfter(240_000)]
public sealed class MarketplaceGdprTests
{
    [Test]
    public async Task The_data_export_holds_outfits_listings_orders_and_ledger_and_erasure_anonymises_the_financial_records(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 6_000, cancellationToken);
        using var outfit = await seller.Client.PostAsJsonAsync("/api/v1/closet/outfits", new { name = "Exported", itemIds = new[] { listed.ItemId } }, cancellationToken);
        await GatewayClient.EnsureAsync(outfit, HttpStatusCode.Created, cancellationToken);
        var order = await Market.BuyAsync(buyer, listed.ListingId, cancellationToken);
        await Eventually.HoldsAsync("the sale booked", async () => (await Market.LedgerAsync(seller, cancellationToken)).GetProperty("entries").GetArrayLength() == 2, cancellationToken);

        var export = (await seller.Client.GetFromJsonAsync<JsonElement>("/api/v1/users/me/data-export", cancellationToken)).GetRawText();
        Assert.That(export, Does.Contain("Exported").And.Contain(listed.ListingId.ToString()).And.Contain(order.OrderId.ToString()));
        Assert.That(export, Does.Contain("\"platform-fee\""), "ledger kinds read as the ledger API names them");
        var buyersExport = (await buyer.Client.GetFromJsonAsync<JsonElement>("/api/v1/users/me/data-export", cancellationToken)).GetRawText();
        Assert.That(buyersExport, Does.Contain(order.OrderId.ToString()).And.Contain("confirm sent to Toss"), "the buyer sees the order's history");

        using var erased = await seller.Client.PostAsJsonAsync("/api/v1/users/me/delete-account", new { password = GatewayClient.Password }, cancellationToken);
        await GatewayClient.EnsureAsync(erased, HttpStatusCode.Accepted, cancellationToken);

        // The buyer's order stays (a financial record) but no longer names the seller; the buyer keeps the item.
        await Eventually.HoldsAsync("the order and the ledger no longer naming the seller", async () =>
        {
            var state = await Market.OrderStateAsync(buyer, order.OrderId, cancellationToken);
            using var sellersSide = await seller.Client.GetAsync($"/api/v1/payments/orders/{order.OrderId}", cancellationToken);
            var ledger = await Market.LedgerAsync(seller, cancellationToken);
            return state.GetProperty("status").GetString() == "paid" && sellersSide.StatusCode == HttpStatusCode.NotFound
                && ledger.GetProperty("entries").GetArrayLength() == 0;
        }, cancellationToken);
        using var kept = await buyer.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}", cancellationToken);
        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

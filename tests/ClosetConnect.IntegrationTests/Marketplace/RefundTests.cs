using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Marketplace;

/// <summary>Money goes back: a seller's refund, a cancel in Toss's console, and the saga's own compensation.</summary>
[CancelAfter(240_000)]
public sealed class RefundTests
{
    [Test]
    public async Task A_seller_refund_cancels_at_Toss_returns_the_item_and_reverses_the_ledger(CancellationToken cancellationToken)
    {
        var (app, seller, buyer, listed, order) = await SoldAsync(40_000, cancellationToken);

        using var stranger = await buyer.Client.PostAsJsonAsync($"/api/v1/payments/orders/{order.OrderId}/refund", new { reason = "I want my money" }, cancellationToken);
        Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "only the seller (or an admin) refunds");
        using var noReason = await seller.Client.PostAsJsonAsync($"/api/v1/payments/orders/{order.OrderId}/refund", new { reason = "" }, cancellationToken);
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        using var refunded = await seller.Client.PostAsJsonAsync($"/api/v1/payments/orders/{order.OrderId}/refund", new { reason = "Item was damaged" }, cancellationToken);

        await GatewayClient.EnsureAsync(refunded, HttpStatusCode.Accepted, cancellationToken);
        Assert.That((await refunded.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("refunded"));
        Assert.That((await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("CANCELED"));
        await AssertReturnedToSellerAsync(seller, buyer, listed, cancellationToken);
        var ledger = await Market.LedgerAsync(seller, cancellationToken);
        Assert.That(ledger.GetProperty("balance").GetInt64(), Is.Zero);
        Assert.That(ledger.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()),
            Is.EquivalentTo(new[] { "sale", "platform-fee", "sale-reversal", "platform-fee-reversal" }), "entries are appended, never changed");

        using var twice = await seller.Client.PostAsJsonAsync($"/api/v1/payments/orders/{order.OrderId}/refund", new { reason = "again" }, cancellationToken);
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task A_payment_cancelled_in_Tosss_console_becomes_a_refund_through_the_webhook(CancellationToken cancellationToken)
    {
        var (app, seller, buyer, listed, order) = await SoldAsync(25_000, cancellationToken);
        var paymentKey = (await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken)).GetProperty("paymentKey").GetString()!;

        await Market.SimulatorPostAsync(app, $"/simulator/payments/{paymentKey}/console-cancel", new { cancelReason = "Customer called support" }, cancellationToken);

        await Market.WaitForOrderAsync(buyer, order.OrderId, "refunded", cancellationToken);
        await AssertReturnedToSellerAsync(seller, buyer, listed, cancellationToken);
        Assert.That((await Market.LedgerAsync(seller, cancellationToken)).GetProperty("balance").GetInt64(), Is.Zero);
    }

    [Test]
    public async Task A_webhook_is_checked_with_Toss_and_settles_a_payment_whose_confirm_answer_was_lost_once(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 8_000, cancellationToken);
        var order = await Market.OrderAsync(buyer, listed.ListingId, cancellationToken);
        var redirect = await Market.PayInWindowAsync(order, cancellationToken);
        // Toss approved, but the buyer's browser never came back to call our confirm.
        await TossDirect.ConfirmAsync(app, redirect, cancellationToken);
        using var toss = GatewayClient.CreateClient(app);
        // The body claims a cancel; Toss says DONE. Only Toss's word counts.
        var lying = new { eventType = "PAYMENT_STATUS_CHANGED", createdAt = "2026-12-01T10:00:00.000000", data = new { paymentKey = redirect.PaymentKey, orderId = order.TossOrderId, status = "CANCELED" } };

        for (var delivery = 0; delivery < 2; delivery++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/webhooks/toss") { Content = JsonContent.Create(lying) };
            request.Headers.Add("tosspayments-webhook-transmission-id", $"wh-{order.TossOrderId}");
            using var delivered = await toss.SendAsync(request, cancellationToken);
            Assert.That(delivered.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Toss gets its 200 at once, for the repeat too");
        }

        await Market.WaitForOrderAsync(buyer, order.OrderId, "paid", cancellationToken);
        await Eventually.HoldsAsync("the sale booked", async () => (await Market.LedgerAsync(seller, cancellationToken)).GetProperty("balance").GetInt64() == 7_200, cancellationToken);
        Assert.That((await Market.LedgerAsync(seller, cancellationToken)).GetProperty("entries").GetArrayLength(), Is.EqualTo(2), "booked once");
        Assert.That((await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken)).GetProperty("approvals").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task When_the_seller_erased_the_item_before_payment_completed_the_buyer_is_refunded_automatically(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 18_000, cancellationToken);
        var order = await Market.OrderAsync(buyer, listed.ListingId, cancellationToken);
        var redirect = await Market.PayInWindowAsync(order, cancellationToken);

        using var erased = await seller.Client.PostAsJsonAsync("/api/v1/users/me/delete-account", new { password = GatewayClient.Password }, cancellationToken);
        await GatewayClient.EnsureAsync(erased, HttpStatusCode.Accepted, cancellationToken);
        using var anonymous = GatewayClient.CreateClient(app);
        await Eventually.HoldsAsync("the erased seller's listing gone", async () =>
            (await anonymous.GetAsync($"/api/v1/market/listings/{listed.ListingId}", cancellationToken)).StatusCode == HttpStatusCode.NotFound, cancellationToken);

        using var confirmed = await Market.ConfirmAsync(buyer, redirect, cancellationToken);
        await GatewayClient.EnsureAsync(confirmed, HttpStatusCode.OK, cancellationToken);

        await Market.WaitForOrderAsync(buyer, order.OrderId, "refunded", cancellationToken);
        var state = await Market.OrderStateAsync(buyer, order.OrderId, cancellationToken);
        Assert.That(state.GetProperty("refundReason").GetString(), Is.Not.Empty);
        Assert.That((await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("CANCELED"), "nobody pays for nothing");
    }

    private static async Task<(DistributedApplication App, GatewayClient.Account Seller, GatewayClient.Account Buyer, Market.Listed Listed, Market.PlacedOrder Order)> SoldAsync(
        long price, CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, price, cancellationToken);
        var order = await Market.BuyAsync(buyer, listed.ListingId, cancellationToken);
        await Eventually.HoldsAsync("the sale booked", async () =>
            (await Market.OrderStateAsync(seller, order.OrderId, cancellationToken)).GetProperty("itemTransferredAt").ValueKind == JsonValueKind.String, cancellationToken);
        return (app, seller, buyer, listed, order);
    }

    private static async Task AssertReturnedToSellerAsync(GatewayClient.Account seller, GatewayClient.Account buyer, Market.Listed listed, CancellationToken cancellationToken)
    {
        await Eventually.HoldsAsync("the item back in the seller's closet", async () =>
            (await seller.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}", cancellationToken)).IsSuccessStatusCode, cancellationToken);
        using var buyersView = await buyer.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}", cancellationToken);
        Assert.That(buyersView.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var item = await seller.Client.GetFromJsonAsync<JsonElement>($"/api/v1/closet/items/{listed.ItemId}", cancellationToken);
        Assert.That(item.GetProperty("status").GetString(), Is.EqualTo("ready"));
        Assert.That((await seller.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}/cutout", cancellationToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.Contracts.Events;
using ClosetConnect.IntegrationTests.EndToEnd;
using ClosetConnect.IntegrationTests.Marketplace;

namespace ClosetConnect.IntegrationTests.Closet;

/// <summary>
/// Events that reach the handlers in the bad order (replicas, retries, a slow worker), delivered straight to the running
/// system's broker or caused through the gateway, and the end state a user sees: an erased account stays erased, a
/// refunded order moves no item, a late failure undoes no analysis, and a deleted item leaves no image behind.
/// </summary>
[CancelAfter(300_000)]
public sealed class ReorderedEventsTests
{
    private DistributedApplication app = null!;
    private SystemEvents events = null!;

    [OneTimeSetUp]
    public async Task ConnectAsync()
    {
        app = await SharedAppHost.GetAsync(CancellationToken.None);
        events = await SystemEvents.ConnectAsync(app, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task DisconnectAsync() => await events.DisposeAsync();

    [Test]
    public async Task A_registration_that_arrives_after_the_erasure_brings_no_closet_back(CancellationToken cancellationToken)
    {
        var userId = Guid.NewGuid();
        var username = $"g{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow;

        await events.DeliverAsync(new UserDeletedEvent(userId) { OccurredAt = now }, "closetdb", cancellationToken);
        await events.DeliverAsync(new UserRegisteredEvent(userId, username) { OccurredAt = now.AddMinutes(-1) }, "closetdb", cancellationToken);

        var closets = await ServiceDatabase.CountAsync(app, "closetdb", "SELECT COUNT(*) FROM Closets WHERE UserId = @id OR Username = @username",
            new Dictionary<string, object> { ["@id"] = userId.ToString(), ["@username"] = username }, cancellationToken);
        Assert.That(closets, Is.Zero, "no closet, and the erased username nowhere");
    }

    [Test]
    public async Task A_refund_that_arrives_before_its_payment_leaves_the_item_with_the_seller(CancellationToken cancellationToken)
    {
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 9_000, cancellationToken);
        var orderId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await events.DeliverAsync(new OrderRefundedEvent(orderId, listed.ListingId, listed.ItemId, buyer.UserId, seller.UserId) { OccurredAt = now }, "closetdb", cancellationToken);
        await events.DeliverAsync(new OrderPaidEvent(orderId, listed.ListingId, listed.ItemId, buyer.UserId, seller.UserId, 9_000, "KRW") { OccurredAt = now.AddSeconds(-1) },
            "closetdb", cancellationToken);

        using var sellersView = await seller.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}", cancellationToken);
        using var buyersView = await buyer.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}", cancellationToken);
        var listing = await GatewayClient.CreateClient(app).GetFromJsonAsync<JsonElement>($"/api/v1/market/listings/{listed.ListingId}", cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(sellersView.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the seller keeps the item");
            Assert.That(buyersView.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the refunded buyer does not get it");
            Assert.That(listing.GetProperty("status").GetString(), Is.EqualTo("active"), "still for sale");
        });
    }

    [Test]
    public async Task A_refund_of_a_sale_whose_seller_was_erased_takes_the_item_from_the_buyer(CancellationToken cancellationToken)
    {
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 12_000, cancellationToken);
        var order = await Market.OrderAsync(buyer, listed.ListingId, cancellationToken);
        // A busy machine may answer the confirm 202 (Toss's answer late); the reconciler settles it then.
        using (var confirmed = await Market.ConfirmAsync(buyer, await Market.PayInWindowAsync(order, cancellationToken), cancellationToken))
        {
            Assert.That(confirmed.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.Accepted));
        }

        await Market.WaitForOrderAsync(buyer, order.OrderId, "paid", cancellationToken, TimeSpan.FromMinutes(2));
        await Eventually.HoldsAsync("the item handed over", async () =>
            (await buyer.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}", cancellationToken)).IsSuccessStatusCode, cancellationToken);

        using var erased = await seller.Client.PostAsJsonAsync("/api/v1/users/me/delete-account", new { password = GatewayClient.Password }, cancellationToken);
        await GatewayClient.EnsureAsync(erased, HttpStatusCode.Accepted, cancellationToken);
        // Payments anonymises the order first: the refund's event then names no seller.
        await Eventually.HoldsAsync("the order no longer naming the seller", async () =>
            (await seller.Client.GetAsync($"/api/v1/payments/orders/{order.OrderId}", cancellationToken)).StatusCode == HttpStatusCode.NotFound, cancellationToken);
        await Eventually.HoldsAsync("the seller's closet erased", async () =>
            await ServiceDatabase.CountAsync(app, "closetdb", "SELECT COUNT(*) FROM ErasedAccounts WHERE UserId = @id",
                new Dictionary<string, object> { ["@id"] = seller.UserId.ToString() }, cancellationToken) == 1, cancellationToken);
        // Support cancels the payment in Toss's console; the webhook makes it a refund.
        var paymentKey = (await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken)).GetProperty("paymentKey").GetString()!;
        await Market.SimulatorPostAsync(app, $"/simulator/payments/{paymentKey}/console-cancel", new { cancelReason = "Seller left the platform" }, cancellationToken);
        await Market.WaitForOrderAsync(buyer, order.OrderId, "refunded", cancellationToken);

        // The buyer has the money back and the seller nobody to return the item to: it goes, with its images.
        await Eventually.HoldsAsync("the refunded item gone from the buyer's closet", async () =>
            (await buyer.Client.GetAsync($"/api/v1/closet/items/{listed.ItemId}", cancellationToken)).StatusCode == HttpStatusCode.NotFound, cancellationToken);
        await Eventually.HoldsAsync("the item's folder gone", () => !Directory.Exists(ItemFolder(buyer.UserId, listed.ItemId)), cancellationToken);
    }

    [Test]
    public async Task A_failure_reported_after_the_analysis_leaves_the_item_ready(CancellationToken cancellationToken)
    {
        var owner = await GatewayClient.SignUpAsync(app, cancellationToken);
        var itemId = await Market.UploadReadyItemAsync(owner, "Analysed", cancellationToken);

        // A redelivered upload whose photo has moved on (the item was sold) reports a failure after the success.
        await events.DeliverAsync(new ItemAnalysisFailedEvent(itemId, "The uploaded photo is no longer stored.") { OccurredAt = DateTimeOffset.UtcNow },
            "closetdb", cancellationToken);

        var item = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/closet/items/{itemId}", cancellationToken);
        Assert.That(item.GetProperty("status").GetString(), Is.EqualTo("ready"));
    }

    [Test]
    public async Task An_item_deleted_while_its_analysis_lands_leaves_no_image_behind(CancellationToken cancellationToken)
    {
        var owner = await GatewayClient.SignUpAsync(app, cancellationToken);
        var itemId = await UploadAsync(owner, cancellationToken);

        using var deleted = await owner.Client.DeleteAsync($"/api/v1/closet/items/{itemId}", cancellationToken);
        await GatewayClient.EnsureAsync(deleted, HttpStatusCode.NoContent, cancellationToken);
        await WaitForAnalysisAsync(itemId, cancellationToken);

        var folder = ItemFolder(owner.UserId, itemId);
        await Eventually.HoldsAsync("the item's folder gone, whichever came first, the analysis or the delete", () => !Directory.Exists(folder), cancellationToken);

        // A worker that read the photo before the delete writes its images after it, and its analysis comes last.
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "cutout.png"), [1], cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, "mask.png"), [1], cancellationToken);
        var prefix = $"items/{owner.UserId:N}/{itemId:N}";
        var late = new ItemAnalyzedEvent(itemId, "top", [new AnalyzedColor("#112233", "navy", 1)], $"{prefix}/cutout.png", $"{prefix}/mask.png", "late",
            new AnalysisTimings(0, 0, 0, 0, 1, 0, 0, 0))
        {
            OccurredAt = DateTimeOffset.UtcNow,
        };
        await events.DeliverAsync(late, "closetdb", cancellationToken);

        using var item = await owner.Client.GetAsync($"/api/v1/closet/items/{itemId}", cancellationToken);
        Assert.That(item.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the late analysis recreates nothing");
        await Eventually.HoldsAsync("the late images deleted", () => !Directory.Exists(folder), cancellationToken);
    }

    [Test]
    public async Task An_account_erased_while_its_analysis_lands_leaves_no_image_behind(CancellationToken cancellationToken)
    {
        var owner = await GatewayClient.SignUpAsync(app, cancellationToken);
        var itemId = await UploadAsync(owner, cancellationToken);

        using var erased = await owner.Client.PostAsJsonAsync("/api/v1/users/me/delete-account", new { password = GatewayClient.Password }, cancellationToken);
        await GatewayClient.EnsureAsync(erased, HttpStatusCode.Accepted, cancellationToken);
        await WaitForAnalysisAsync(itemId, cancellationToken);
        await Eventually.HoldsAsync("the closet erased", async () =>
            await ServiceDatabase.CountAsync(app, "closetdb", "SELECT COUNT(*) FROM ErasedAccounts WHERE UserId = @id",
                new Dictionary<string, object> { ["@id"] = owner.UserId.ToString() }, cancellationToken) == 1, cancellationToken);

        await Eventually.HoldsAsync("the erased account's folder gone, whichever came first, the analysis or the erasure",
            () => !Directory.Exists(Path.Combine(app.StatePath("blobs"), "items", owner.UserId.ToString("N"))), cancellationToken);
    }

    private string ItemFolder(Guid ownerId, Guid itemId) => Path.Combine(app.StatePath("blobs"), "items", ownerId.ToString("N"), itemId.ToString("N"));

    private static async Task<Guid> UploadAsync(GatewayClient.Account owner, CancellationToken cancellationToken)
    {
        using var upload = await owner.Client.PostAsync("/api/v1/closet/items", GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-04.png"), "In flight"), cancellationToken);
        await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, cancellationToken);
        return (await upload.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>Until Closet has handled the worker's outcome for the item's upload, analysed or failed.</summary>
    private async Task WaitForAnalysisAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var uploadId = await Eventually.GetValueAsync("the upload event", async () => await ServiceDatabase.ScalarAsync(app, "closetdb",
            "SELECT Id FROM OutboxMessages WHERE EventName = 'closet.item-image-uploaded' AND Payload LIKE @item",
            new Dictionary<string, object> { ["@item"] = $"%\"itemId\":\"{itemId}\"%" }, cancellationToken) switch
        {
            Guid id => id,
            string id => Guid.Parse(id),
            _ => (Guid?)null,
        }, cancellationToken);
        await events.WaitUntilHandledAsync("closetdb", $"the analysis of item {itemId}",
            [IntegrationEvent.IdCausedBy(uploadId, EventNames.Of<ItemAnalyzedEvent>()), IntegrationEvent.IdCausedBy(uploadId, EventNames.Of<ItemAnalysisFailedEvent>())],
            cancellationToken);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;
using ClosetConnect.IntegrationTests.Marketplace;
using StackExchange.Redis;

namespace ClosetConnect.IntegrationTests.Closet;

/// <summary>
/// The item list is cached in Redis, and a list read right after any write shows that write: the owner's own edits,
/// Vision's analysis (an event handled in the inbox's transaction), a reservation (a bulk update) and a sale, which
/// changes two closets. Every read here would serve the earlier page if that write did not invalidate it.
/// </summary>
[CancelAfter(240_000)]
public sealed class ItemListCacheTests
{
    [Test]
    public async Task The_owner_sees_each_change_in_the_next_list_read(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var owner = await GatewayClient.SignUpAsync(app, cancellationToken);
        Assert.That((await ListAsync(owner, cancellationToken)).GetProperty("total").GetInt32(), Is.Zero);
        Assert.That(await CachedPagesAsync(app, owner, cancellationToken), Is.EqualTo(1), "the list is served from the cache");

        using var upload = await owner.Client.PostAsync("/api/v1/closet/items",
            GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-03.png"), "Linen shirt"), cancellationToken);
        await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, cancellationToken);
        var itemId = (await upload.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        var listed = Single(await ListAsync(owner, cancellationToken));
        Assert.That(listed.GetProperty("id").GetGuid(), Is.EqualTo(itemId), "the upload");

        // The item itself is never cached: once it reads ready, the list must too.
        await Eventually.HoldsAsync("the item analysed", async () =>
            (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/closet/items/{itemId}", cancellationToken)).GetProperty("status").GetString() == "ready",
            cancellationToken);
        Assert.That(Single(await ListAsync(owner, cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("ready"), "the analysis");

        using var rename = await owner.Client.PatchAsJsonAsync($"/api/v1/closet/items/{itemId}", new { name = "Blue linen shirt" }, cancellationToken);
        await GatewayClient.EnsureAsync(rename, HttpStatusCode.OK, cancellationToken);
        Assert.That(Single(await ListAsync(owner, cancellationToken)).GetProperty("name").GetString(), Is.EqualTo("Blue linen shirt"), "the edit");

        using var sell = await owner.Client.PostAsJsonAsync($"/api/v1/closet/items/{itemId}/listing", new { price = 20_000, currency = "KRW" }, cancellationToken);
        await GatewayClient.EnsureAsync(sell, HttpStatusCode.Created, cancellationToken);
        Assert.That(Single(await ListAsync(owner, cancellationToken)).GetProperty("listing").GetProperty("status").GetString(), Is.EqualTo("active"), "the listing");

        using var delete = await owner.Client.DeleteAsync($"/api/v1/closet/items/{itemId}", cancellationToken);
        await GatewayClient.EnsureAsync(delete, HttpStatusCode.NoContent, cancellationToken);
        Assert.That((await ListAsync(owner, cancellationToken)).GetProperty("total").GetInt32(), Is.Zero, "the deletion");
    }

    [Test]
    public async Task A_reservation_and_a_sale_show_in_the_seller_and_buyer_lists_at_once(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 30_000, cancellationToken);
        Assert.That(Single(await ListAsync(seller, cancellationToken)).GetProperty("listing").GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That((await ListAsync(buyer, cancellationToken)).GetProperty("total").GetInt32(), Is.Zero);

        var order = await Market.OrderAsync(buyer, listed.ListingId, cancellationToken);
        Assert.That(Single(await ListAsync(seller, cancellationToken)).GetProperty("listing").GetProperty("status").GetString(), Is.EqualTo("reserved"), "the reservation");

        var redirect = await Market.PayInWindowAsync(order, cancellationToken);
        using var confirmed = await Market.ConfirmAsync(buyer, redirect, cancellationToken);
        await GatewayClient.EnsureAsync(confirmed, HttpStatusCode.OK, cancellationToken);
        // The market's listing is not cached: once it reads sold, the hand-over is committed.
        using var anonymous = GatewayClient.CreateClient(app);
        await Eventually.HoldsAsync("the listing sold", async () =>
            (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/market/listings/{listed.ListingId}", cancellationToken)).GetProperty("status").GetString() == "sold",
            cancellationToken);
        Assert.Multiple(async () =>
        {
            Assert.That((await ListAsync(seller, cancellationToken)).GetProperty("total").GetInt32(), Is.Zero, "the item left the seller's list");
            Assert.That(Single(await ListAsync(buyer, cancellationToken)).GetProperty("id").GetGuid(), Is.EqualTo(listed.ItemId), "and joined the buyer's");
        });
    }

    private static async Task<JsonElement> ListAsync(GatewayClient.Account account, CancellationToken cancellationToken) =>
        await account.Client.GetFromJsonAsync<JsonElement>("/api/v1/closet/items", cancellationToken);

    private static JsonElement Single(JsonElement page)
    {
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(1), page.ToString());
        return page.GetProperty("items")[0];
    }

    private static async Task<int> CachedPagesAsync(DistributedApplication app, GatewayClient.Account account, CancellationToken cancellationToken)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("cache", cancellationToken))!);
        var server = redis.GetServers().Single();
        // Stored without waiting for Redis's answer: give it a moment to land.
        var pages = 0;
        await Eventually.HoldsAsync("a cached page of the list", () =>
        {
            pages = server.Keys(pattern: $"closet:items:{account.UserId:N}:*").Count();
            return pages > 0;
        }, cancellationToken, TimeSpan.FromSeconds(5));
        return pages;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Marketplace;

[CancelAfter(240_000)]
public sealed class OutfitTests
{
    [Test]
    public async Task An_outfit_loses_a_deleted_and_a_sold_item_and_says_why(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var owner = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var kept = await Market.UploadReadyItemAsync(owner, "Kept tee", cancellationToken);
        var deleted = await Market.UploadReadyItemAsync(owner, "Old tee", cancellationToken);
        var sold = await Market.ListReadyItemAsync(owner, 3_000, cancellationToken);

        using var created = await owner.Client.PostAsJsonAsync("/api/v1/closet/outfits",
            new { name = "Weekend", itemIds = new[] { kept, deleted, sold.ItemId }, occasion = "brunch" }, cancellationToken);
        await GatewayClient.EnsureAsync(created, HttpStatusCode.Created, cancellationToken);
        var outfitId = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        using var foreign = await buyer.Client.PostAsJsonAsync("/api/v1/closet/outfits", new { name = "Not mine", itemIds = new[] { kept } }, cancellationToken);
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "an outfit holds only its owner's items");
        using var peek = await buyer.Client.GetAsync($"/api/v1/closet/outfits/{outfitId}", cancellationToken);
        Assert.That(peek.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        using var removed = await owner.Client.DeleteAsync($"/api/v1/closet/items/{deleted}", cancellationToken);
        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Market.BuyAsync(buyer, sold.ListingId, cancellationToken);

        var outfit = await Eventually.GetValueAsync("the sold item out of the outfit", async () =>
        {
            var current = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/closet/outfits/{outfitId}", cancellationToken);
            return current.GetProperty("removedItems").GetArrayLength() == 2 ? current : (JsonElement?)null;
        }, cancellationToken);
        Assert.That(outfit.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Is.EqualTo(new[] { kept }));
        var reasons = outfit.GetProperty("removedItems").EnumerateArray().ToDictionary(r => r.GetProperty("itemId").GetGuid(), r => r.GetProperty("reason").GetString());
        Assert.That(reasons, Is.EquivalentTo(new Dictionary<Guid, string?> { [deleted] = "deleted", [sold.ItemId] = "sold" }));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;

namespace ClosetConnect.IntegrationTests.EndToEnd;

/// <summary>
/// The backbone's user story through the gateway only: sign up with the mailed code, upload a photo, watch Vision.Worker
/// (over RabbitMQ) turn the item ready with its colours; another user cannot see it.
/// </summary>
[CancelAfter(240_000)]
public sealed class ClosetFlowTests
{
    [Test]
    public async Task An_uploaded_photo_becomes_a_ready_item_with_its_colours_that_only_its_owner_sees(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var owner = await GatewayClient.SignUpAsync(app, cancellationToken);
        var stranger = await GatewayClient.SignUpAsync(app, cancellationToken);

        using var upload = await owner.Client.PostAsync("/api/v1/closet/items",
            GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-03.png"), "Weekend top"), cancellationToken);
        await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, cancellationToken);
        var created = await upload.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("processing"));
        var itemPath = $"/api/v1/closet/items/{created.GetProperty("id").GetGuid()}";

        var item = await WaitUntilAnalyzedAsync(owner.Client, itemPath, cancellationToken);
        Assert.That(item.GetProperty("status").GetString(), Is.EqualTo("ready"), item.ToString());
        var colors = item.GetProperty("colors").EnumerateArray().ToList();
        Assert.That(colors, Is.Not.Empty);
        Assert.That(colors.Select(c => c.GetProperty("hex").GetString()), Has.All.Match("^#[0-9a-f]{6}$"));
        Assert.That(colors.Sum(c => c.GetProperty("share").GetDouble()), Is.EqualTo(1.0).Within(0.02));
        Assert.That(colors.Select(c => c.GetProperty("share").GetDouble()), Is.Ordered.Descending);

        using var image = await owner.Client.GetAsync($"{itemPath}/image", cancellationToken);
        Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));

        // Vision named the garment (photo-03 is a top) and cut it out on transparency.
        Assert.That(item.GetProperty("category").GetString(), Is.EqualTo("top"));
        Assert.That(item.GetProperty("cutoutUrl").GetString(), Is.EqualTo($"{itemPath}/cutout"));
        using var cutout = SKBitmap.Decode(await owner.Client.GetByteArrayAsync($"{itemPath}/cutout", cancellationToken));
        Assert.That(cutout, Is.Not.Null);
        var corners = new[] { cutout.GetPixel(0, 0), cutout.GetPixel(cutout.Width - 1, 0), cutout.GetPixel(0, cutout.Height - 1), cutout.GetPixel(cutout.Width - 1, cutout.Height - 1) };
        Assert.That(corners.Select(c => c.Alpha), Has.All.EqualTo(0), "outside the garment is transparent");
        var opaque = cutout.Pixels.Count(p => p.Alpha == 255);
        Assert.That(opaque, Is.GreaterThan(cutout.Width * cutout.Height / 4), "the garment itself is opaque and fills most of its box");

        // The list filters use what vision found.
        var mainColor = colors[0].GetProperty("name").GetString()!;
        Assert.That((await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/closet/items?category=top&color={mainColor}", cancellationToken)).GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That((await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/closet/items?category=shoes", cancellationToken)).GetProperty("total").GetInt32(), Is.Zero);

        foreach (var path in new[] { itemPath, $"{itemPath}/image", $"{itemPath}/cutout" })
        {
            using var peek = await stranger.Client.GetAsync(path, cancellationToken);
            Assert.That(peek.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }

        using var strangerDelete = await stranger.Client.DeleteAsync(itemPath, cancellationToken);
        Assert.That(strangerDelete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var list = await stranger.Client.GetFromJsonAsync<JsonElement>("/api/v1/closet/items", cancellationToken);
        Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Health_reports_every_service(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        using var client = app.CreateHttpClient("gateway");
        var health = await client.GetFromJsonAsync<JsonElement>("/api/v1/health", cancellationToken);
        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        var services = health.GetProperty("services").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("status").GetString());
        Assert.That(services, Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["gateway"] = "Healthy",
            ["identity-api"] = "Healthy",
            ["closet-api"] = "Healthy",
            ["payments-api"] = "Healthy",
            ["vision-worker"] = "Healthy",
        }));
    }

    [Test]
    public async Task The_gateway_echoes_a_request_id_or_makes_one(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        using var client = app.CreateHttpClient("gateway");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Request-ID", "client-chosen-42");
        using var echoed = await client.SendAsync(request, cancellationToken);
        using var made = await client.GetAsync("/api/v1/closet/items", cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(echoed.Headers.GetValues("X-Request-ID").Single(), Is.EqualTo("client-chosen-42"));
            Assert.That(made.Headers.GetValues("X-Request-ID").Single(), Is.Not.Empty);
            Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(made.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    private static Task<JsonElement> WaitUntilAnalyzedAsync(HttpClient client, string itemPath, CancellationToken cancellationToken) =>
        Eventually.UntilAsync($"{itemPath} analysed (its status no longer processing)",
            () => client.GetFromJsonAsync<JsonElement>(itemPath, cancellationToken), item => item.GetProperty("status").GetString() != "processing",
            cancellationToken);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Security;

public sealed partial class AttackSuite
{
    private const string SqlInjection = "x'); DROP TABLE Items;-- ' OR '1'='1";
    private const string Script = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";

    [Test]
    public async Task Injection_strings_in_every_text_field_are_stored_verbatim_and_never_executed(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);

        using var created = await user.Client.PostAsync("/api/v1/closet/items",
            GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-04.png"), SqlInjection), cancellationToken);
        await GatewayClient.EnsureAsync(created, HttpStatusCode.Created, cancellationToken);
        var path = $"/api/v1/closet/items/{(await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid()}";

        using var patched = await user.Client.PatchAsync(path, Json(new { brand = Script, size = "' OR 1=1", tags = new[] { "'; --", "<b>x</b>" } }), cancellationToken);
        await GatewayClient.EnsureAsync(patched, HttpStatusCode.OK, cancellationToken);

        var item = await user.Client.GetFromJsonAsync<JsonElement>(path, cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("name").GetString(), Is.EqualTo(SqlInjection));
            Assert.That(item.GetProperty("brand").GetString(), Is.EqualTo(Script));
            Assert.That(item.GetProperty("size").GetString(), Is.EqualTo("' OR 1=1"));
            Assert.That(item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "'; --", "<b>x</b>" }));
        });

        var injected = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/closet/items?q=%27%20OR%20%271%27%3D%271%20--%20", cancellationToken);
        Assert.That(injected.GetProperty("total").GetInt32(), Is.Zero, "the search text is data, not SQL");
        var literal = await user.Client.GetFromJsonAsync<JsonElement>($"/api/v1/closet/items?q={Uri.EscapeDataString("DROP TABLE")}", cancellationToken);
        Assert.That(literal.GetProperty("total").GetInt32(), Is.EqualTo(1), "and still finds the literal text");

        var profile = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/users/me", cancellationToken);
        Assert.That(profile.GetProperty("username").GetString(), Is.EqualTo(user.Username));
    }

    [Test]
    public async Task A_full_name_full_of_markup_and_sql_is_kept_as_text(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        using var client = GatewayClient.CreateClient(app);
        var username = $"x{Guid.NewGuid():N}"[..20];
        var email = $"{username}@example.com";
        const string fullName = "Robert'); DROP TABLE Users;-- <script>x</script>";

        using var registered = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, username, password = GatewayClient.Password, fullName }, cancellationToken);
        await GatewayClient.EnsureAsync(registered, HttpStatusCode.Created, cancellationToken);
        var code = await GatewayClient.ReadVerificationCodeAsync(app, email, cancellationToken);
        using var verified = await client.PostAsJsonAsync("/api/v1/auth/verify-email", new { email, code }, cancellationToken);
        var tokens = await GatewayClient.LogInAsync(client, email, cancellationToken);

        var profile = await client.SendAsync(Get("/api/v1/users/me", tokens.AccessToken), cancellationToken);
        var body = await profile.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.That(body.GetProperty("fullName").GetString(), Is.EqualTo(fullName));
        Assert.That(profile.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), "never rendered as HTML");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using MySqlConnector;

namespace ClosetConnect.IntegrationTests.EndToEnd;

/// <summary>
/// Mail limits, roles, key rotation and the GDPR rights, through the gateway. Registration and login rules are asked
/// of Identity in process (IdentityEndpointRulesTests).
/// </summary>
[CancelAfter(180_000)]
public sealed class AccountTests
{
    [Test]
    public async Task Resending_the_code_is_limited_per_address_whether_or_not_it_has_an_account(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var (_, _, email, client) = await GatewayClient.RegisterAsync(app, email: null, cancellationToken);

        foreach (var address in new[] { email, $"nobody-{Guid.NewGuid():N}@example.com" })
        {
            using var first = await client.PostAsJsonAsync("/api/v1/auth/verify-email/resend", new { email = address }, cancellationToken);
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            using var second = await client.PostAsJsonAsync("/api/v1/auth/verify-email/resend", new { email = address }, cancellationToken);
            Assert.That(second.StatusCode, Is.EqualTo((HttpStatusCode)429));
            Assert.That(second.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
            Assert.That((await second.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("title").GetString(), Is.EqualTo("Too many codes requested"));
        }

        // The registration mail plus one resend: the refused request sent nothing.
        Assert.That(await GatewayClient.CountMailAsync(app, email, cancellationToken), Is.EqualTo(2));
    }

    [Test]
    public async Task The_bootstrap_admin_carries_both_roles_and_a_user_only_the_user_role(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        using var admin = await GatewayClient.AdminAsync(app, cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);

        var adminProfile = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/me", cancellationToken);
        var userProfile = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/users/me", cancellationToken);
        Assert.That(adminProfile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "user", "admin" }));
        Assert.That(userProfile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "user" }));

        var token = new JsonWebToken(admin.DefaultRequestHeaders.Authorization!.Parameter);
        Assert.That(token.Claims.Where(c => c.Type == "role").Select(c => c.Value), Is.EquivalentTo(new[] { "user", "admin" }));
        Assert.That(token.Id, Is.Not.Empty, "jti");
    }

    [Test]
    public async Task A_scheduled_rotation_keeps_old_tokens_working_and_the_new_key_works_everywhere_at_once(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var oldKeyId = new JsonWebToken(user.Client.DefaultRequestHeaders.Authorization!.Parameter).Kid;

        using var admin = await GatewayClient.AdminAsync(app, cancellationToken);
        using var rotated = await admin.PostAsync("/api/v1/admin/keys/rotate", null, cancellationToken);
        await GatewayClient.EnsureAsync(rotated, HttpStatusCode.OK, cancellationToken);
        var rotation = await rotated.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var newKeyId = rotation.GetProperty("activeKeyId").GetString();
        var retiring = rotation.GetProperty("retiringKeys").EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == oldKeyId);
        Assert.That(retiring.GetProperty("retiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow,
            Is.InRange(TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61)), "access-token lifetime plus clock skew");

        var jwks = await user.Client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json", cancellationToken);
        Assert.That(jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()), Is.SupersetOf(new[] { oldKeyId, newKeyId }));

        // The old token keeps working everywhere until its key retires.
        foreach (var path in new[] { "/api/v1/users/me", "/api/v1/closet/items", "/api/v1/payments/orders" })
        {
            using var stillValid = await user.Client.GetAsync(path, cancellationToken);
            await GatewayClient.EnsureAsync(stillValid, HttpStatusCode.OK, cancellationToken);
        }

        // A token signed by the new key is accepted on its first request by services that had not seen the key.
        var fresh = await GatewayClient.LogInAsync(user.Client, user.Email, cancellationToken);
        Assert.That(new JsonWebToken(fresh.AccessToken).Kid, Is.EqualTo(newKeyId));
        user.Client.DefaultRequestHeaders.Authorization = new("Bearer", fresh.AccessToken);
        foreach (var path in new[] { "/api/v1/closet/items", "/api/v1/payments/orders", "/api/v1/users/me" })
        {
            using var accepted = await user.Client.GetAsync(path, cancellationToken);
            await GatewayClient.EnsureAsync(accepted, HttpStatusCode.OK, cancellationToken);
        }
    }

    [Test]
    public async Task The_internal_export_endpoints_are_not_reachable_through_the_gateway(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);

        using var response = await user.Client.GetAsync($"/internal/users/{user.UserId}/export", cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_services_export_of_a_user_answers_only_that_users_own_token(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var owner = await GatewayClient.SignUpAsync(app, cancellationToken);
        var other = await GatewayClient.SignUpAsync(app, cancellationToken);
        foreach (var service in (string[])["closet-api", "payments-api"])
        {
            using var client = app.CreateHttpClient(service);
            async Task<HttpResponseMessage> ExportWithTokenOfAsync(GatewayClient.Account caller)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/users/{owner.UserId}/export");
                request.Headers.Authorization = caller.Client.DefaultRequestHeaders.Authorization;
                return await client.SendAsync(request, cancellationToken);
            }

            using var refusal = await ExportWithTokenOfAsync(other);
            await GatewayClient.EnsureAsync(refusal, HttpStatusCode.Forbidden, cancellationToken);
            Assert.That(refusal.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), service);

            using var export = await ExportWithTokenOfAsync(owner);
            await GatewayClient.EnsureAsync(export, HttpStatusCode.OK, cancellationToken);
        }
    }

    [Test]
    public async Task Data_export_holds_what_every_service_keeps_and_deletion_erases_it_everywhere(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        using var upload = await user.Client.PostAsync("/api/v1/closet/items",
            GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-02.png"), "Export me"), cancellationToken);
        await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, cancellationToken);
        var itemId = (await upload.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        var orderId = await InsertOrderAsync(app, buyerId: user.UserId, amount: 42_000, cancellationToken);

        var export = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/users/me/data-export", cancellationToken);
        var identity = export.GetProperty("identity");
        Assert.Multiple(() =>
        {
            Assert.That(identity.GetProperty("email").GetString(), Is.EqualTo(user.Email));
            Assert.That(identity.GetProperty("fullName").GetString(), Is.EqualTo("Test User"));
            Assert.That(identity.GetProperty("auditEvents").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
                Is.SupersetOf(new[] { "account.register", "account.verify-email", "auth.login" }));
            var item = export.GetProperty("closet").GetProperty("items").EnumerateArray().Single();
            Assert.That(item.GetProperty("id").GetGuid(), Is.EqualTo(itemId));
            Assert.That(item.GetProperty("imageUrl").GetString(), Is.EqualTo($"/api/v1/closet/items/{itemId}/image"));
            var order = export.GetProperty("payments").GetProperty("orders").EnumerateArray().Single();
            Assert.That(order.GetProperty("orderId").GetGuid(), Is.EqualTo(orderId));
            Assert.That(order.GetProperty("role").GetString(), Is.EqualTo("buyer"));
        });

        using var wrongPassword = await user.Client.PostAsJsonAsync("/api/v1/users/me/delete-account", new { password = GatewayClient.WrongPassword }, cancellationToken);
        Assert.That(wrongPassword.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var deleted = await user.Client.PostAsJsonAsync("/api/v1/users/me/delete-account", new { password = GatewayClient.Password }, cancellationToken);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        using var me = await user.Client.GetAsync("/api/v1/users/me", cancellationToken);
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var login = await GatewayClient.CreateClient(app).PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = GatewayClient.Password }, cancellationToken);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        // Closet and Payments follow through the identity.user-deleted event.
        var imageFolder = Path.Combine(app.StatePath("blobs"), "items", user.UserId.ToString("N"), itemId.ToString("N"));
        await Eventually.UntilAsync("the erased account's closet empty and its images gone", async () =>
        (
            Items: (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/closet/items", cancellationToken)).GetProperty("total").GetInt32(),
            Images: Directory.Exists(imageFolder) ? Directory.EnumerateFiles(imageFolder).Count() : 0
        ), left => left is { Items: 0, Images: 0 }, cancellationToken, TimeSpan.FromSeconds(30));
        using (var reupload = await user.Client.PostAsync("/api/v1/closet/items",
            GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-00.png"), "After erasure"), cancellationToken))
        {
            Assert.That(reupload.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the access token outlives the account, the closet does not come back");
        }

        var anonymised = await Eventually.UntilAsync("the order's buyer anonymised", () => ReadOrderAsync(app, orderId, cancellationToken),
            order => order is { BuyerId: var buyer } && buyer == Guid.Empty, cancellationToken, TimeSpan.FromSeconds(30));
        Assert.That(anonymised!.Value.Amount, Is.EqualTo(42_000), "the financial record keeps its amount");
    }

    /// <summary>There is no public way to buy yet; an order row stands in for one.</summary>
    private static async Task<Guid> InsertOrderAsync(DistributedApplication app, Guid buyerId, long amount, CancellationToken cancellationToken)
    {
        var orderId = Guid.NewGuid();
        await using var connection = new MySqlConnection(await app.GetConnectionStringAsync("paymentsdb", cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(
            "INSERT INTO Orders (Id, ListingId, ItemId, BuyerId, SellerId, Amount, Currency, Status, CreatedAt, UpdatedAt) " +
            "VALUES (@id, UUID(), UUID(), @buyer, UUID(), @amount, 'KRW', 'Paid', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", connection);
        command.Parameters.AddWithValue("@id", orderId.ToString());
        command.Parameters.AddWithValue("@buyer", buyerId.ToString());
        command.Parameters.AddWithValue("@amount", amount);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return orderId;
    }

    private static async Task<(Guid BuyerId, long Amount)?> ReadOrderAsync(DistributedApplication app, Guid orderId, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(await app.GetConnectionStringAsync("paymentsdb", cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand("SELECT BuyerId, Amount FROM Orders WHERE Id = @id", connection);
        command.Parameters.AddWithValue("@id", orderId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetGuid(0), reader.GetInt64(1)) : null;
    }
}

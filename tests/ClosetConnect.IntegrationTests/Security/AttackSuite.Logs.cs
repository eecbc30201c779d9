using System.Net;
using System.Net.Http.Json;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Security;

public sealed partial class AttackSuite
{
    [Test]
    public async Task Personal_data_and_secrets_never_reach_the_logs(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var accessToken = user.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        var tokens = await GatewayClient.LogInAsync(user.Client, user.Email, cancellationToken);
        using (var refreshed = await user.Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken }, cancellationToken))
        {
            await GatewayClient.EnsureAsync(refreshed, HttpStatusCode.OK, cancellationToken);
        }

        Guid itemId;
        // The failed login carries a request id of its own, so its audit line can be found among identity-api's logs.
        var failedLoginId = $"pii-{Guid.NewGuid():N}";
        using var failedLogin = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = user.Email, password = GatewayClient.WrongPassword }),
            Headers = { { "X-Request-ID", failedLoginId } },
        };
        using (var failed = await user.Client.SendAsync(failedLogin, cancellationToken))
        using (var upload = await user.Client.PostAsync("/api/v1/closet/items", GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-07.png"), "Skirt"), cancellationToken))
        using (var broken = await user.Client.PostAsync("/api/v1/auth/register",
            new StringContent($"{{\"email\":\"{user.Email}\",\"password\": broken", System.Text.Encoding.UTF8, "application/json"), cancellationToken))
        {
            await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, cancellationToken);
            itemId = (await upload.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        }

        var secrets = new Dictionary<string, string>
        {
            ["email"] = user.Email,
            ["user id"] = user.UserId.ToString(),
            ["user id (N)"] = user.UserId.ToString("N"),
            ["access token"] = accessToken,
            ["refresh token"] = tokens.RefreshToken,
            ["password"] = GatewayClient.Password,
        };
        // The analysis is the last thing the user's requests set off: once it is logged, everything else has been.
        await Eventually.HoldsAsync("vision-worker's log of the analysis", async () =>
            (await app.ConsoleLogsAsync(app.Resource<IResource>("vision-worker"))).Any(line => line.Contains($"Analysed item {itemId}", StringComparison.Ordinal)),
            cancellationToken);
        // And the logs that had the most reason to name the user were captured: identity's audit of the failed login.
        await Eventually.HoldsAsync($"identity-api's audit line of the failed login (request {failedLoginId})", async () =>
            (await app.ConsoleLogsAsync(app.Resource<IResource>("identity-api")))
                .Any(line => line.Contains("auth.login", StringComparison.Ordinal) && line.Contains(failedLoginId, StringComparison.Ordinal)),
            cancellationToken);
        var services = app.Resources().Where(r => r is ProjectResource).ToList();
        Assert.That(services, Has.Count.EqualTo(6), "every service's console log is read, the Toss simulator's too");
        foreach (var service in services)
        {
            var text = string.Join('\n', await app.ConsoleLogsAsync(service));
            Assert.That(text, Is.Not.Empty, $"{service.Name} wrote a console log");
            foreach (var (what, value) in secrets)
            {
                Assert.That(text, Does.Not.Contain(value), $"{what} in the console log of {service.Name}");
            }
        }
    }
}

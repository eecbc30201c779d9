using System.Net;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Security;

public sealed partial class AttackSuite
{
    // Every API validates tokens itself; the gateway only routes.
    private static readonly string[] ProtectedEndpoints = ["/api/v1/users/me", "/api/v1/closet/items", "/api/v1/payments/orders"];

    [Test]
    public async Task Forged_tokens_are_refused_by_every_api(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var victim = await GatewayClient.SignUpAsync(app, cancellationToken);
        var forge = await TokenForge.FromIdentityDatabaseAsync(app, cancellationToken);
        var inAnHour = DateTime.UtcNow.AddHours(1);
        var realToken = victim.Client.DefaultRequestHeaders.Authorization!.Parameter!;

        var control = forge.Sign(victim.UserId, inAnHour);
        var forged = new Dictionary<string, string>
        {
            ["expired beyond the 30 s clock skew"] = forge.Sign(victim.UserId, DateTime.UtcNow.AddSeconds(-45)),
            ["wrong audience"] = forge.Sign(victim.UserId, inAnHour, audience: "another-api"),
            ["wrong issuer"] = forge.Sign(victim.UserId, inAnHour, issuer: "https://evil.example"),
            ["signed by another key with the same kid"] = forge.Sign(victim.UserId, inAnHour, key: forge.ImpostorKey()),
            ["HS256 with the public key as secret"] = forge.Sign(victim.UserId, inAnHour, key: forge.PublicKeyAsHmacSecret()),
            ["alg none"] = TokenForge.Unsigned(victim.UserId, inAnHour),
            ["payload edited after signing"] = TokenForge.Tampered(realToken),
            ["garbage"] = "not-a-token",
        };

        foreach (var endpoint in ProtectedEndpoints)
        {
            // A client per API keeps each one under the general burst of 20 requests.
            using var client = GatewayClient.CreateClient(app);
            using var accepted = await client.SendAsync(Get(endpoint, control), cancellationToken);
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{endpoint}: a correctly minted token is the control");

            foreach (var (attack, token) in forged)
            {
                using var refused = await client.SendAsync(Get(endpoint, token), cancellationToken);
                var problem = await ProblemAsync(refused, HttpStatusCode.Unauthorized, cancellationToken);
                Assert.That(refused.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"), $"{endpoint}: {attack}");
                Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("access token"), $"{endpoint}: {attack}");
            }
        }
    }

    [Test]
    public async Task An_expired_token_is_told_to_refresh_and_skew_stays_within_30_seconds(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var forge = await TokenForge.FromIdentityDatabaseAsync(app, cancellationToken);
        using var client = GatewayClient.CreateClient(app);

        using var justExpired = await client.SendAsync(Get("/api/v1/closet/items", forge.Sign(user.UserId, DateTime.UtcNow.AddSeconds(-10))), cancellationToken);
        Assert.That(justExpired.StatusCode, Is.EqualTo(HttpStatusCode.OK), "10 s past expiry is within the allowed skew");

        using var expired = await client.SendAsync(Get("/api/v1/closet/items", forge.Sign(user.UserId, DateTime.UtcNow.AddMinutes(-5))), cancellationToken);
        var problem = await ProblemAsync(expired, HttpStatusCode.Unauthorized, cancellationToken);
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("The access token has expired; refresh it or log in again."));
    }
}

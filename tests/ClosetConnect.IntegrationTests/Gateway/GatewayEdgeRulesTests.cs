using System.Net;
using System.Text;
using ClosetConnect.Contracts;
using ClosetConnect.Gateway.Security;
using ClosetConnect.IntegrationTests.InProcess;

namespace ClosetConnect.IntegrationTests.Gateway;

/// <summary>
/// The gateway's own rules asked of it in process, configured as the AppHost's <c>gateway</c> resource but with Closet
/// and Payments behind a closed port: whatever the gateway lets through ends in 502, so a refusal with another status
/// was the gateway's, before any service was asked. The rate limits are raised out of the way (their tests are
/// RateLimitsAcrossReplicasTests and the AttackSuite); the edge as deployed stays the AttackSuite's.
/// </summary>
[CancelAfter(60_000)]
public sealed class GatewayEdgeRulesTests
{
    private const string ClosedPort = "http://127.0.0.1:1";

    private InProcessService<RateLimitingOptions> gateway = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        gateway = await InProcessService<RateLimitingOptions>.StartAsync("gateway", new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:closet:Destinations:closet:Address"] = ClosedPort,
            ["ReverseProxy:Clusters:payments:Destinations:payments:Address"] = ClosedPort,
            ["RateLimiting:Burst"] = "10000",
            ["RateLimiting:PermitsPerSecond"] = "10000",
        }, CancellationToken.None);
        client = gateway.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await gateway.DisposeAsync();
    }

    [Test]
    public async Task A_request_the_gateway_lets_through_meets_the_closed_port_as_502(CancellationToken cancellationToken)
    {
        // The premise of the refusals below: had the gateway proxied them, this is what they would get.
        using var response = await client.GetAsync(new Uri("/api/v1/closet/items", UriKind.Relative), cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
    }

    [Test]
    public async Task An_unknown_route_is_a_404_problem_from_the_gateway(CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("/no/such/route", UriKind.Relative), cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.NotFound, cancellationToken), Is.EqualTo("There is no such resource, or it is not yours."));
    }

    [Test]
    public async Task A_photo_upload_over_the_cap_is_refused_413_before_Closet_is_asked(CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(new byte[PhotoUploadLimits.MaxRequestBytes + 1]);
        body.Headers.ContentType = new("multipart/form-data", "boundary=x");

        using var response = await client.PostAsync(new Uri("/api/v1/closet/items", UriKind.Relative), body, cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.RequestEntityTooLarge, cancellationToken), Is.EqualTo("Photo uploads are limited to 10 MB."));
    }

    [Test]
    public async Task A_json_body_over_1024_KB_is_refused_413_before_any_service_is_asked(CancellationToken cancellationToken)
    {
        using var body = new StringContent($"{{\"name\":\"{new string('x', 1024 * 1024)}\"}}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/v1/closet/outfits", UriKind.Relative), body, cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.RequestEntityTooLarge, cancellationToken), Is.EqualTo("Request bodies are limited to 1024 KB."));
    }

    [Test]
    public async Task The_gateways_own_error_responses_carry_the_security_headers_and_no_server_banner(CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/payments/orders", UriKind.Relative), cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { "default-src 'none'; frame-ancestors 'none'" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            Assert.That(response.Headers.Contains("Server"), Is.False);
        });
    }

    [Test]
    public async Task A_preflight_from_a_foreign_origin_gets_no_grant_and_goes_no_further(CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(Preflight("https://evil.example"), cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "answered by the gateway, not proxied");
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task A_preflight_from_a_configured_origin_is_granted_by_the_gateway(CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(Preflight("http://localhost:3000"), cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "answered by the gateway, not proxied");
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "http://localhost:3000" }));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/closet/items");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}

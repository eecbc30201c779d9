using System.Net;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Security;

public sealed partial class AttackSuite
{
    [Test]
    public async Task Every_kind_of_response_carries_the_security_headers_and_no_server_banner(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        string[] paths = ["/health", "/api/v1/health", "/api/v1/closet/items", "/api/v1/users/me", "/no/such/route", "/.well-known/jwks.json"];

        foreach (var path in paths)
        {
            using var response = await user.Client.GetAsync(path, cancellationToken);
            Assert.Multiple(() =>
            {
                Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), path);
                Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }), path);
                Assert.That(response.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { "default-src 'none'; frame-ancestors 'none'" }), path);
                Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }), path);
                Assert.That(response.Headers.Contains("Server"), Is.False, path);
                Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False, $"{path}: HSTS only over HTTPS");
            });
        }
    }

    [Test]
    public async Task A_foreign_origin_gets_no_cors_grant_and_a_configured_one_does(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        using var client = GatewayClient.CreateClient(app);

        using var foreign = await client.SendAsync(Preflight("https://evil.example"), cancellationToken);
        Assert.That(foreign.Headers.Contains("Access-Control-Allow-Origin"), Is.False);

        using var allowed = await client.SendAsync(Preflight("http://localhost:3000"), cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "http://localhost:3000" }));
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Credentials"), Is.EqualTo(new[] { "true" }));
            Assert.That(string.Join(',', allowed.Headers.GetValues("Access-Control-Allow-Methods")), Is.EqualTo("GET,POST,PUT,PATCH,DELETE"));
        });

        using var simple = new HttpRequestMessage(HttpMethod.Get, "/health");
        simple.Headers.Add("Origin", "http://localhost:3000");
        using var exposed = await client.SendAsync(simple, cancellationToken);
        Assert.That(exposed.Headers.GetValues("Access-Control-Expose-Headers"), Does.Contain("X-Request-ID"));

        static HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/closet/items");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            return request;
        }
    }

    [Test]
    public async Task Credential_endpoints_allow_five_attempts_a_minute_per_client_address(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        using var attacker = GatewayClient.CreateClient(app);
        using var bystander = GatewayClient.CreateClient(app);
        // A different account each time (password spraying), so the per-account lockout does not answer first.
        StringContent Guess() => Json(new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = GatewayClient.WrongPassword });

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var allowed = await attacker.PostAsync("/api/v1/auth/login", Guess(), cancellationToken);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {attempt}");
        }

        using var limited = await attacker.PostAsync("/api/v1/auth/login", Guess(), cancellationToken);
        var problem = await ProblemAsync(limited, HttpStatusCode.TooManyRequests, cancellationToken);
        Assert.That(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 60));
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("Slow down"));

        using var registerToo = await attacker.PostAsync("/api/v1/auth/register", Json(new { }), cancellationToken);
        Assert.That(registerToo.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "registration has its own window");

        using var other = await bystander.PostAsync("/api/v1/auth/login", Guess(), cancellationToken);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another client address is not limited");
    }

    [Test]
    public async Task The_api_in_general_allows_a_burst_of_20_then_10_per_second(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        using var client = GatewayClient.CreateClient(app);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await client.GetAsync("/api/v1/closet/items", cancellationToken);
            return response.StatusCode;
        }));

        Assert.That(statuses.Count(s => s == HttpStatusCode.Unauthorized), Is.InRange(20, 30), "the burst passes (then refills at 10/s)");
        Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.GreaterThanOrEqualTo(10));
        using var probe = await client.GetAsync("/health", cancellationToken);
        Assert.That(probe.StatusCode, Is.EqualTo(HttpStatusCode.OK), "probes are never limited");
    }

    [Test]
    public async Task Bodies_over_the_route_limit_are_refused_at_the_gateway(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        using var client = GatewayClient.CreateClient(app);

        using var json = await client.PostAsync("/api/v1/auth/register",
            new StringContent($"{{\"fullName\":\"{new string('x', 1024 * 1024)}\"}}", System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        var problem = await ProblemAsync(json, HttpStatusCode.RequestEntityTooLarge, cancellationToken);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("1024 KB"));
    }

    [Test]
    public async Task Errors_are_problems_without_stack_traces_or_internal_names(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        using var client = GatewayClient.CreateClient(app);

        using var malformed = await client.PostAsync("/api/v1/auth/register", new StringContent("{\"email\": oops", System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        using var wrongType = await client.PostAsync("/api/v1/auth/login", new StringContent("{\"email\": 42}", System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        using var unknown = await client.GetAsync("/api/v1/closet/nothing-here", cancellationToken);

        foreach (var (response, status) in new[] { (malformed, HttpStatusCode.BadRequest), (wrongType, HttpStatusCode.BadRequest), (unknown, HttpStatusCode.NotFound) })
        {
            var problem = await ProblemAsync(response, status, cancellationToken);
            var text = problem.ToString();
            Assert.Multiple(() =>
            {
                Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
                Assert.That(text, Does.Not.Contain(" at ").And.Not.Contain("Exception").And.Not.Contain("System.")
                    .And.Not.Contain("ClosetConnect.").And.Not.Contain("Microsoft."));
            });
        }
    }
}

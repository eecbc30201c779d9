using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClosetConnect.Identity.Data;
using ClosetConnect.IntegrationTests.EndToEnd;
using ClosetConnect.IntegrationTests.InProcess;

namespace ClosetConnect.IntegrationTests.Identity.Api;

/// <summary>
/// Identity's endpoint rules asked of the service in process: the status, the problem details a client reads, and the
/// headers it acts on. The login throttle's waits are set to zero, so the lockout is reached without sleeping.
/// </summary>
[CancelAfter(120_000)]
public sealed class IdentityEndpointRulesTests
{
    private InProcessService<IdentityDbContext> identity = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        identity = await InProcessService<IdentityDbContext>.StartAsync("identity-api",
            new Dictionary<string, string?> { ["LoginProtection:BaseDelay"] = "00:00:00", ["LoginProtection:MaxDelay"] = "00:00:00" },
            CancellationToken.None);
        client = identity.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await identity.DisposeAsync();
    }

    [Test]
    public async Task A_registration_with_every_field_wrong_names_each_field_in_one_problem(CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "not-an-email", username = "x", password = "short", fullName = "" }, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EquivalentTo(new[] { "email", "username", "fullName", "password" }));
    }

    [Test]
    public async Task A_second_code_within_the_minute_is_refused_with_the_wait_in_Retry_After_and_detail(CancellationToken cancellationToken)
    {
        var email = new { email = $"resend-{Guid.NewGuid():N}@example.com" };
        using var first = await client.PostAsJsonAsync("/api/v1/auth/verify-email/resend", email, cancellationToken);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        using var second = await client.PostAsJsonAsync("/api/v1/auth/verify-email/resend", email, cancellationToken);

        var problem = await Problem.ReadAsync(second, HttpStatusCode.TooManyRequests, cancellationToken);
        var seconds = int.Parse(second.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.That(seconds, Is.InRange(1, 60));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"{seconds} seconds"));
    }

    [Test]
    public async Task The_fifth_failed_login_locks_the_address_with_423_and_Retry_After(CancellationToken cancellationToken)
    {
        var attempt = new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = GatewayClient.WrongPassword };
        for (var failure = 1; failure < 5; failure++)
        {
            using var failed = await client.PostAsJsonAsync("/api/v1/auth/login", attempt, cancellationToken);
            var wrong = await Problem.ReadAsync(failed, HttpStatusCode.Unauthorized, cancellationToken);
            Assert.That(wrong.GetProperty("detail").GetString(), Is.EqualTo("The email or password is incorrect."), $"failure {failure}");
        }

        using var locking = await client.PostAsJsonAsync("/api/v1/auth/login", attempt, cancellationToken);

        var locked = await Problem.ReadAsync(locking, HttpStatusCode.Locked, cancellationToken);
        Assert.That(locked.GetProperty("title").GetString(), Is.EqualTo("Account locked"));
        Assert.That(int.Parse(locking.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), Is.InRange(890, 900));
    }

    [Test]
    public async Task An_unknown_refresh_token_is_a_401_problem_telling_the_client_to_log_in_again(CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" }, cancellationToken);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized, cancellationToken);
        Assert.That(problem.GetProperty("detail").GetString(), Does.EndWith("Log in again."));
    }

    [Test]
    public async Task A_reset_with_a_weak_new_password_names_newPassword(CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm",
            new { email = "someone@example.com", token = "whatever", newPassword = "password" }, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EqualTo(new[] { "newPassword" }));
    }

    [Test]
    public async Task The_profile_without_a_token_is_a_401_problem_asking_for_one(CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/users/me", UriKind.Relative), cancellationToken);

        await Problem.AssertBearerChallengeAsync(response, cancellationToken);
    }

    [TestCase("email", "not-an-email", "valid_name", GatewayClient.Password, "Test User")]
    [TestCase("username", null, "no", GatewayClient.Password, "Test User")]
    [TestCase("username", null, "has space", GatewayClient.Password, "Test User")]
    [TestCase("fullName", null, "valid_name", GatewayClient.Password, "T")]
    [TestCase("password", null, "valid_name", "short1!", "Test User")]
    [TestCase("password", null, "valid_name", "nouppercase1!", "Test User")]
    [TestCase("password", null, "valid_name", "Password1!", "Test User")]
    [TestCase("password", null, "valid_name", "Qwerty123", "Test User")]
    public async Task A_registration_with_one_field_wrong_names_only_that_field(
        string field, string? email, string username, string password, string fullName, CancellationToken cancellationToken)
    {
        email ??= $"{Guid.NewGuid():N}@example.com";

        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, username, password, fullName }, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task An_email_is_unique_after_trimming_and_lower_casing(CancellationToken cancellationToken)
    {
        var email = $"unique-{Guid.NewGuid():N}@example.com";
        using var first = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, username = $"u{Guid.NewGuid():N}"[..20], password = GatewayClient.Password, fullName = "First" }, cancellationToken);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync(cancellationToken));

        using var again = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"  {email.ToUpperInvariant()} ", username = $"u{Guid.NewGuid():N}"[..20], password = GatewayClient.Password, fullName = "Other" },
            cancellationToken);

        await Problem.ReadAsync(again, HttpStatusCode.Conflict, cancellationToken);
    }

    [TestCase("{")]
    [TestCase("{\"email\": 42, \"password\": []}")]
    public async Task A_malformed_login_body_gets_a_400_problem_without_internals(string body, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, cancellationToken);
        Assert.That(problem.ToString(), Does.Not.Contain("Exception").And.Not.Contain(" at ").And.Not.Contain("ClosetConnect."));
    }
}

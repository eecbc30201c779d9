using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClosetConnect.IntegrationTests.Security;

/// <summary>
/// Attacks on accounts and tokens, through the gateway against the running system. Each case asserts the exact
/// refusal: status and problem title/detail. (Other files of this partial class hold the other attack families.)
/// </summary>
public sealed partial class AttackSuite
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Accounts_a_reused_refresh_token_is_refused_and_revokes_its_whole_family(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var first = await GatewayClient.LogInAsync(user.Client, user.Email, cancellationToken);

        using var rotated = await user.Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, cancellationToken);
        await GatewayClient.EnsureAsync(rotated, HttpStatusCode.OK, cancellationToken);
        var second = (await rotated.Content.ReadFromJsonAsync<GatewayClient.Tokens>(cancellationToken))!;

        // The stolen copy of the first token is replayed: refused, and the legitimate newer token dies with it.
        using var replayed = await user.Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, cancellationToken);
        await AssertAccountProblemAsync(replayed, HttpStatusCode.Unauthorized, "Invalid refresh token", cancellationToken);
        using var sibling = await user.Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken }, cancellationToken);
        await AssertAccountProblemAsync(sibling, HttpStatusCode.Unauthorized, "Invalid refresh token", cancellationToken);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Accounts_brute_force_locks_the_account_and_the_right_password_stays_refused_until_an_admin_unlocks_it(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var victim = await GatewayClient.SignUpAsync(app, cancellationToken);
        var attacker = GatewayClient.CreateClient(app);

        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var failed = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = victim.Email, password = $"Wr0ng!guess{attempt}" }, cancellationToken);
            await AssertAccountProblemAsync(failed, HttpStatusCode.Unauthorized, "Login failed", cancellationToken, "The email or password is incorrect.");
        }

        using var locking = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email = victim.Email, password = "Wr0ng!guess5" }, cancellationToken);
        await AssertAccountProblemAsync(locking, HttpStatusCode.Locked, "Account locked", cancellationToken);
        AssertRetryAfterSeconds(locking, minSeconds: 890, maxSeconds: 900);

        // The owner, from elsewhere, with the right password: still locked.
        using var owner = GatewayClient.CreateClient(app);
        using var refused = await owner.PostAsJsonAsync("/api/v1/auth/login", new { email = victim.Email, password = GatewayClient.Password }, cancellationToken);
        await AssertAccountProblemAsync(refused, HttpStatusCode.Locked, "Account locked", cancellationToken);
        AssertRetryAfterSeconds(refused, minSeconds: 1, maxSeconds: 900);

        using var admin = await GatewayClient.AdminAsync(app, cancellationToken);
        using var unlocked = await admin.PostAsync($"/api/v1/admin/users/{victim.UserId}/unlock", null, cancellationToken);
        await GatewayClient.EnsureAsync(unlocked, HttpStatusCode.NoContent, cancellationToken);
        await GatewayClient.LogInAsync(owner, victim.Email, cancellationToken);

        // The account's audit trail (persisted, shown in the owner's data export) has the whole story.
        var export = await victim.Client.GetFromJsonAsync<JsonElement>("/api/v1/users/me/data-export", cancellationToken);
        var trail = export.GetProperty("identity").GetProperty("auditEvents").EnumerateArray()
            .Select(e => $"{e.GetProperty("action").GetString()}:{e.GetProperty("outcome").GetString()}:{e.GetProperty("reason").GetString()}").ToList();
        Assert.That(trail, Is.SupersetOf(new[]
        {
            "auth.login:Failure:wrong-password", "auth.lockout:Success:5-failures", "auth.login:Refused:locked", "account.unlock:Success:lock-lifted", "auth.login:Success:",
        }));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Accounts_an_unknown_email_is_answered_and_locked_exactly_like_a_known_one(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var known = await GatewayClient.SignUpAsync(app, cancellationToken);
        var unknownEmail = $"nobody-{Guid.NewGuid():N}@example.com";

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var email in new[] { known.Email, unknownEmail })
        {
            // Five attempts per address: the gateway's per-client window (5/minute) is not what this test is about.
            using var attacker = GatewayClient.CreateClient(app);
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                using var response = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wr0ng!guess" }, cancellationToken);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                answers.Add((response.StatusCode, $"{problem.GetProperty("title")}|{problem.GetProperty("detail")}"));
            }
        }

        var forKnown = answers.Take(5).Select(a => (a.Status, Normalize(a.Body))).ToList();
        var forUnknown = answers.Skip(5).Select(a => (a.Status, Normalize(a.Body))).ToList();
        Assert.That(forUnknown, Is.EqualTo(forKnown));
        Assert.That(forKnown.Select(a => a.Status), Is.EqualTo(new[]
        {
            HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Locked,
        }));

        // The Retry-After seconds in the lock message may differ by one between the two; the words may not.
        static string Normalize(string body) => System.Text.RegularExpressions.Regex.Replace(body, @"\d+ seconds", "N seconds");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Accounts_login_before_email_verification_is_forbidden(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var (_, _, email, client) = await GatewayClient.RegisterAsync(app, email: null, cancellationToken);

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = GatewayClient.Password }, cancellationToken);
        await AssertAccountProblemAsync(response, HttpStatusCode.Forbidden, "Email not verified", cancellationToken,
            "Verify your email with the code we sent before logging in.");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Accounts_a_password_reset_token_works_once_and_ends_every_session(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var session = await GatewayClient.LogInAsync(user.Client, user.Email, cancellationToken);
        var anonymous = GatewayClient.CreateClient(app);

        using var requested = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/request", new { email = user.Email }, cancellationToken);
        await GatewayClient.EnsureAsync(requested, HttpStatusCode.Accepted, cancellationToken);
        var token = await GatewayClient.ReadPasswordResetTokenAsync(app, user.Email, cancellationToken);
        const string newPassword = "N3w!Sturdy#Pass";

        using var weak = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm",
            new { email = user.Email, token, newPassword = "Password1!" }, cancellationToken);
        await AssertAccountProblemAsync(weak, HttpStatusCode.BadRequest, "One or more validation errors occurred.", cancellationToken);
        Assert.That((await weak.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("errors").TryGetProperty("newPassword", out _), Is.True);

        using var confirmed = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { email = user.Email, token, newPassword }, cancellationToken);
        await GatewayClient.EnsureAsync(confirmed, HttpStatusCode.NoContent, cancellationToken);

        using var replayed = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm",
            new { email = user.Email, token, newPassword = "An0ther!Sturdy#Pass" }, cancellationToken);
        await AssertAccountProblemAsync(replayed, HttpStatusCode.BadRequest, "Invalid reset token", cancellationToken,
            "The reset token is wrong, expired or already used. Request a new one.");

        using var oldSession = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = session.RefreshToken }, cancellationToken);
        await AssertAccountProblemAsync(oldSession, HttpStatusCode.Unauthorized, "Invalid refresh token", cancellationToken);
        using var oldPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = GatewayClient.Password }, cancellationToken);
        await AssertAccountProblemAsync(oldPassword, HttpStatusCode.Unauthorized, "Login failed", cancellationToken);
        await GatewayClient.LogInAsync(anonymous, user.Email, newPassword, cancellationToken);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Accounts_a_reset_for_an_unknown_email_is_answered_like_any_other_and_a_made_up_token_is_refused(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var client = GatewayClient.CreateClient(app);
        var email = $"nobody-{Guid.NewGuid():N}@example.com";

        using var requested = await client.PostAsJsonAsync("/api/v1/auth/password-reset/request", new { email }, cancellationToken);
        await GatewayClient.EnsureAsync(requested, HttpStatusCode.Accepted, cancellationToken);
        Assert.That(await GatewayClient.CountMailAsync(app, email, cancellationToken), Is.Zero);

        using var guessed = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm",
            new { email, token = "made-up-token", newPassword = "N3w!Sturdy#Pass" }, cancellationToken);
        await AssertAccountProblemAsync(guessed, HttpStatusCode.BadRequest, "Invalid reset token", cancellationToken);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Accounts_a_user_who_is_not_an_admin_is_refused_every_admin_endpoint(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var anonymous = GatewayClient.CreateClient(app);

        foreach (var path in new[] { $"/api/v1/admin/users/{user.UserId}/unlock", "/api/v1/admin/keys/rotate", "/api/v1/admin/keys/rotate?emergency=true" })
        {
            using var forbidden = await user.Client.PostAsync(path, null, cancellationToken);
            await AssertAccountProblemAsync(forbidden, HttpStatusCode.Forbidden, "Forbidden", cancellationToken, "Your account is not allowed to do this.");
            using var unauthenticated = await anonymous.PostAsync(path, null, cancellationToken);
            await AssertAccountProblemAsync(unauthenticated, HttpStatusCode.Unauthorized, "Unauthorized", cancellationToken, "This endpoint needs a bearer access token.");
        }
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Accounts_after_an_emergency_rotation_tokens_signed_by_the_old_key_are_refused(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var session = await GatewayClient.LogInAsync(user.Client, user.Email, cancellationToken);
        var oldKeyId = new JsonWebToken(session.AccessToken).Kid;
        using var before = await user.Client.GetAsync("/api/v1/users/me", cancellationToken);
        await GatewayClient.EnsureAsync(before, HttpStatusCode.OK, cancellationToken);

        using var admin = await GatewayClient.AdminAsync(app, cancellationToken);
        using var rotated = await admin.PostAsync("/api/v1/admin/keys/rotate?emergency=true", null, cancellationToken);
        await GatewayClient.EnsureAsync(rotated, HttpStatusCode.OK, cancellationToken);
        var rotation = await rotated.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.That(rotation.GetProperty("activeKeyId").GetString(), Is.Not.EqualTo(oldKeyId));

        var jwks = await user.Client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json", cancellationToken);
        Assert.That(jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()), Does.Not.Contain(oldKeyId));

        // Identity signs and verifies with its own key ring: refused at once.
        using var refusedByIdentity = await user.Client.GetAsync("/api/v1/users/me", cancellationToken);
        await AssertAccountProblemAsync(refusedByIdentity, HttpStatusCode.Unauthorized, "Unauthorized", cancellationToken, "The access token is not valid.");

        // Closet and Payments re-read the JWKS at least every Identity:JwksRefreshInterval (15 s): refused within it.
        foreach (var path in new[] { "/api/v1/closet/items", "/api/v1/payments/orders" })
        {
            await Eventually.UntilAsync($"{path} refusing the token signed with the removed key", async () =>
            {
                using var response = await user.Client.GetAsync(path, cancellationToken);
                return response.StatusCode;
            }, status => status == HttpStatusCode.Unauthorized, cancellationToken, TimeSpan.FromSeconds(20));
            using var refused = await user.Client.GetAsync(path, cancellationToken);
            await AssertAccountProblemAsync(refused, HttpStatusCode.Unauthorized, "Unauthorized", cancellationToken, "The access token is not valid.");
        }

        using var refresh = await user.Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = session.RefreshToken }, cancellationToken);
        await AssertAccountProblemAsync(refresh, HttpStatusCode.Unauthorized, "Invalid refresh token", cancellationToken);

        // Logging in again works at once, and the new key is accepted everywhere on the first request.
        var fresh = await GatewayClient.LogInAsync(user.Client, user.Email, cancellationToken);
        user.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh.AccessToken);
        foreach (var path in new[] { "/api/v1/users/me", "/api/v1/closet/items", "/api/v1/payments/orders" })
        {
            using var accepted = await user.Client.GetAsync(path, cancellationToken);
            await GatewayClient.EnsureAsync(accepted, HttpStatusCode.OK, cancellationToken);
        }
    }

    private static async Task AssertAccountProblemAsync(
        HttpResponseMessage response, HttpStatusCode status, string title, CancellationToken cancellationToken, string? detail = null)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        using var problem = JsonDocument.Parse(body);
        Assert.That(problem.RootElement.GetProperty("title").GetString(), Is.EqualTo(title), body);
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo((int)status), body);
        if (detail is not null)
        {
            Assert.That(problem.RootElement.GetProperty("detail").GetString(), Is.EqualTo(detail), body);
        }
    }

    private static void AssertRetryAfterSeconds(HttpResponseMessage response, int minSeconds, int maxSeconds)
    {
        Assert.That(response.Headers.RetryAfter?.Delta, Is.Not.Null, "Retry-After in seconds");
        Assert.That(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, Is.InRange(minSeconds, maxSeconds));
    }
}

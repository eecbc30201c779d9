using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace ClosetConnect.IntegrationTests.EndToEnd;

/// <summary>What a client of the public REST API does, through the gateway only.</summary>
public static partial class GatewayClient
{
    public const string Password = "Str0ng!Passw0rd";

    /// <summary>A password that passes the strength rules and is no account's.</summary>
    public const string WrongPassword = "Wr0ng!Password";

    /// <summary>
    /// Becomes the first admin once verified: SharedAppHost passes it to the AppHost as AppHost:BootstrapAdminEmail.
    /// </summary>
    public const string AdminEmail = "admin@closetconnect.test";

    private static int clientCount;
    private static readonly SemaphoreSlim AdminGate = new(1, 1);
    private static bool adminSignedUp;

    public sealed record Account(Guid UserId, string Email, string Username, HttpClient Client);

    /// <summary>
    /// A gateway client that looks like a client of its own: the gateway trusts loopback as a proxy and limits login,
    /// register and reset requests per client address, so each client sends its own X-Forwarded-For (10.x.y.z).
    /// </summary>
    public static HttpClient CreateClient(DistributedApplication app)
    {
        var client = app.CreateHttpClient("gateway");
        var n = Interlocked.Increment(ref clientCount);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF}");
        return client;
    }

    /// <summary>Registers a fresh user, reads the code from the dev mailbox, verifies and logs in.</summary>
    public static Task<Account> SignUpAsync(DistributedApplication app, CancellationToken cancellationToken) =>
        SignUpAsync(app, email: null, cancellationToken);

    public static async Task<Account> SignUpAsync(DistributedApplication app, string? email, CancellationToken cancellationToken)
    {
        var (userId, username, registeredEmail, client) = await RegisterAsync(app, email, cancellationToken);
        await VerifyAsync(app, client, registeredEmail, cancellationToken);

        var tokens = await LogInAsync(client, registeredEmail, cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new Account(userId, registeredEmail, username, client);
    }

    /// <summary>Registers a fresh user without verifying the email.</summary>
    public static async Task<(Guid UserId, string Username, string Email, HttpClient Client)> RegisterAsync(
        DistributedApplication app, string? email, CancellationToken cancellationToken)
    {
        var username = $"u{Guid.NewGuid():N}"[..20];
        email ??= $"{username}@example.com";
        var client = CreateClient(app);

        using var registered = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, username, password = Password, fullName = "Test User" }, cancellationToken);
        await EnsureAsync(registered, System.Net.HttpStatusCode.Created, cancellationToken);
        var userId = (await registered.Content.ReadFromJsonAsync<Registered>(cancellationToken))!.UserId;
        return (userId, username, email, client);
    }

    public static async Task VerifyAsync(DistributedApplication app, HttpClient client, string email, CancellationToken cancellationToken)
    {
        var code = await ReadVerificationCodeAsync(app, email, cancellationToken);
        using var verified = await client.PostAsJsonAsync("/api/v1/auth/verify-email", new { email, code }, cancellationToken);
        await EnsureAsync(verified, System.Net.HttpStatusCode.NoContent, cancellationToken);
    }

    /// <summary>
    /// A client logged in as the bootstrap admin (signed up on first use). Each call logs in afresh, so a test that
    /// rotated the signing keys in an emergency still gets a token that works.
    /// </summary>
    public static async Task<HttpClient> AdminAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        await AdminGate.WaitAsync(cancellationToken);
        try
        {
            if (!adminSignedUp)
            {
                var admin = await SignUpAsync(app, AdminEmail, cancellationToken);
                adminSignedUp = true;
                return admin.Client;
            }
        }
        finally
        {
            AdminGate.Release();
        }

        var client = CreateClient(app);
        var tokens = await LogInAsync(client, AdminEmail, cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    public static Task<Tokens> LogInAsync(HttpClient client, string email, CancellationToken cancellationToken) =>
        LogInAsync(client, email, Password, cancellationToken);

    public static async Task<Tokens> LogInAsync(HttpClient client, string email, string password, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, cancellationToken);
        await EnsureAsync(response, System.Net.HttpStatusCode.OK, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<Tokens>(cancellationToken))!;
    }

    /// <summary>The newest 6-digit code mailed to <paramref name="email"/> (one .eml file per message).</summary>
    public static Task<string> ReadVerificationCodeAsync(DistributedApplication app, string email, CancellationToken cancellationToken) =>
        ReadMailAsync(app, email, CodePattern(), cancellationToken);

    /// <summary>The newest password reset token mailed to <paramref name="email"/>.</summary>
    public static Task<string> ReadPasswordResetTokenAsync(DistributedApplication app, string email, CancellationToken cancellationToken) =>
        ReadMailAsync(app, email, ResetTokenPattern(), cancellationToken);

    /// <summary>How many messages the dev mailbox holds for <paramref name="email"/>.</summary>
    public static async Task<int> CountMailAsync(DistributedApplication app, string email, CancellationToken cancellationToken)
    {
        var mailbox = app.StatePath("mail");
        var count = 0;
        foreach (var path in Directory.Exists(mailbox) ? Directory.GetFiles(mailbox, "*.eml") : [])
        {
            using var message = await MimeMessage.LoadAsync(path, cancellationToken);
            count += message.To.Mailboxes.Count(m => m.Address == email);
        }

        return count;
    }

    private static Task<string> ReadMailAsync(DistributedApplication app, string email, Regex pattern, CancellationToken cancellationToken) =>
        Eventually.GetAsync($"a mail to {email} matching {pattern}", () => FindMailAsync(app.StatePath("mail"), email, pattern, cancellationToken), cancellationToken);

    private static async Task<string?> FindMailAsync(string mailbox, string email, Regex pattern, CancellationToken cancellationToken)
    {
        var messages = Directory.Exists(mailbox) ? Directory.GetFiles(mailbox, "*.eml").Order() : Enumerable.Empty<string>();
        foreach (var path in messages.Reverse())
        {
            using var message = await MimeMessage.LoadAsync(path, cancellationToken);
            if (message.To.Mailboxes.Any(m => m.Address == email) && pattern.Match(message.TextBody ?? string.Empty) is { Success: true } match)
            {
                return match.Groups[^1].Value;
            }
        }

        return null;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public static MultipartFormDataContent ItemForm(string path, string name, string contentType = "image/png", string? category = null)
    {
        var form = ItemForm(File.ReadAllBytes(path), Path.GetFileName(path), contentType, name);
        if (category is not null)
        {
            form.Add(new StringContent(category), "category");
        }

        return form;
    }

    /// <summary>An upload of <paramref name="bytes"/> labelled as the client chooses (file name and declared type).</summary>
    public static MultipartFormDataContent ItemForm(byte[] bytes, string fileName, string contentType, string name)
    {
        var image = new ByteArrayContent(bytes);
        image.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { image, "image", fileName }, { new StringContent(name), "name" } };
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"reset token: (\S+)")]
    private static partial Regex ResetTokenPattern();

    public sealed record Registered(Guid UserId);

    public sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);
}

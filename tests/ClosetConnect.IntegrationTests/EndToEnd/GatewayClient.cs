using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClosetConnect.AppHost.Hosting;
using MimeKit;

namespace ClosetConnect.IntegrationTests.EndToEnd;

/// <summary>What a client of the public REST API does, through the gateway only.</summary>
public static partial class GatewayClient
{
    public const string Password = "Str0ng!Passw0rd";

    public sealed record Account(Guid UserId, string Email, string Username, HttpClient Client);

    /// <summary>Registers a fresh user, reads the code from the dev mailbox, verifies and logs in.</summary>
    public static async Task<Account> SignUpAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var username = $"u{Guid.NewGuid():N}"[..20];
        var email = $"{username}@example.com";
        var client = NewClient(app);

        using var registered = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, username, password = Password, fullName = "Test User" }, cancellationToken);
        await EnsureAsync(registered, System.Net.HttpStatusCode.Created, cancellationToken);
        var userId = (await registered.Content.ReadFromJsonAsync<Registered>(cancellationToken))!.UserId;

        var code = await ReadVerificationCodeAsync(app, email, cancellationToken);
        using var verified = await client.PostAsJsonAsync("/api/v1/auth/verify-email", new { email, code }, cancellationToken);
        await EnsureAsync(verified, System.Net.HttpStatusCode.NoContent, cancellationToken);

        var tokens = await LogInAsync(client, email, cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new Account(userId, email, username, client);
    }

    /// <summary>
    /// A client with an address of its own: the gateway trusts loopback as a proxy, so a unique
    /// <c>X-Forwarded-For</c> puts each test client in its own rate-limit partition, as separate users would be.
    /// </summary>
    public static HttpClient NewClient(DistributedApplication app)
    {
        var client = app.CreateHttpClient("gateway");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return client;
    }

    public static async Task<Tokens> LogInAsync(HttpClient client, string email, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password }, cancellationToken);
        await EnsureAsync(response, System.Net.HttpStatusCode.OK, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<Tokens>(cancellationToken))!;
    }

    /// <summary>The newest 6-digit code mailed to <paramref name="email"/> (one .eml file per message).</summary>
    public static async Task<string> ReadVerificationCodeAsync(DistributedApplication app, string email, CancellationToken cancellationToken)
    {
        var mailbox = app.StatePath("mail");
        while (true)
        {
            var messages = Directory.Exists(mailbox) ? Directory.GetFiles(mailbox, "*.eml").Order() : Enumerable.Empty<string>();
            foreach (var path in messages.Reverse())
            {
                using var message = await MimeMessage.LoadAsync(path, cancellationToken);
                if (message.To.Mailboxes.Any(m => m.Address == email) && CodePattern().Match(message.TextBody ?? string.Empty) is { Success: true } match)
                {
                    return match.Value;
                }
            }

            await Task.Delay(100, cancellationToken);
        }
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
        var image = new ByteArrayContent(File.ReadAllBytes(path));
        image.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { image, "image", Path.GetFileName(path) }, { new StringContent(name), "name" } };
        if (category is not null)
        {
            form.Add(new StringContent(category), "category");
        }

        return form;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();

    public sealed record Registered(Guid UserId);

    public sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClosetConnect.AppHost.Hosting.RabbitMQ;

/// <summary>
/// RabbitMQ definitions (the format of <c>rabbitmqctl export_definitions</c>) for one user with every right on
/// vhost <c>/</c>. No guest user: a node that imports definitions on its first boot creates none.
/// </summary>
internal static class RabbitMQDefinitions
{
    private const string VirtualHost = "/";

    public static string Create(string user, string password) => JsonSerializer.Serialize(new
    {
        users = new[] { new { name = user, password_hash = PasswordHash(password), hashing_algorithm = "rabbit_password_hashing_sha256", tags = Array.Empty<string>() } },
        vhosts = new[] { new { name = VirtualHost } },
        permissions = new[] { new { user, vhost = VirtualHost, configure = ".*", write = ".*", read = ".*" } },
    });

    /// <summary>RabbitMQ's salted SHA-256: base64(salt ‖ SHA-256(salt ‖ UTF-8 password)) with a 4-byte random salt.</summary>
    public static string PasswordHash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
        return Convert.ToBase64String([.. salt, .. hash]);
    }
}

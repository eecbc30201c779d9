using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ClosetConnect.Identity.Domain;

/// <summary>
/// The secret behind refresh and password-reset tokens: 32 random bytes in base64url, handed out once and stored
/// only as a SHA-256 hash (enough for 256 random bits; nothing to brute-force).
/// </summary>
public static class OpaqueToken
{
    public static string NewClearToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string clearToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clearToken)));
}

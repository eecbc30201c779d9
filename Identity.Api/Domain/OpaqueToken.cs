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

    // Issued tokens are 43 characters; anything much longer is not one of ours and is not worth hashing.
    private const int MaxPresentedLength = 200;

    public static string Hash(string clearToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clearToken)));

    /// <summary>The hash to look a presented token up by; null when what was presented cannot be a token.</summary>
    public static string? HashPresented(string? clearToken) =>
        string.IsNullOrWhiteSpace(clearToken) || clearToken.Length > MaxPresentedLength ? null : Hash(clearToken);
}

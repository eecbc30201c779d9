using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ClosetConnect.ServiceDefaults.Logging;

/// <summary>
/// What must never reach a log sink in clear: emails, tokens, passwords, authorization headers and user ids.
/// Structured values are recognised by their name (<c>{UserId}</c>, <c>{Email}</c>, <c>{Token}</c>…); free text is
/// scrubbed by pattern. A user id becomes a stable pseudonym, so one user's events still line up in the logs.
/// </summary>
public static partial class SensitiveDataRedactor
{
    public const string Redacted = "[redacted]";

    public static string Redact(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        text = BearerPattern().Replace(text, "Bearer " + Redacted);
        text = JwtPattern().Replace(text, "[jwt]");
        text = EmailPattern().Replace(text, "[email]");
        text = SecretFieldPattern().Replace(text, match => $"{match.Groups["key"].Value}{match.Groups["sep"].Value}{Redacted}");
        text = OpaqueTokenPattern().Replace(text, "[token]");
        return UserPathPattern().Replace(text, match => $"/users/{Pseudonym(match.Groups["id"].Value)}");
    }

    /// <summary>How a structured value named <paramref name="name"/> may be logged.</summary>
    public static object? RedactValue(string name, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (IsUserIdentifier(name))
        {
            return Pseudonym(value.ToString() ?? string.Empty);
        }

        if (IsSecret(name))
        {
            return Redacted;
        }

        return value is string text ? Redact(text) : value;
    }

    public static bool IsUserIdentifier(string name) =>
        name.EndsWith("UserId", StringComparison.OrdinalIgnoreCase)
        || name is "OwnerId" or "BuyerId" or "SellerId" or "Subject" or "sub";

    /// <summary>"usr_" and 10 hex digits of SHA-256: stable per user, not the id.</summary>
    public static string Pseudonym(string userId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(userId.Trim().ToLowerInvariant()), hash);
        return "usr_" + Convert.ToHexStringLower(hash[..5]);
    }

    private static bool IsSecret(string name) =>
        name.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Token", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Email", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Code", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]+")]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // password=..., "refreshToken":"...", secret: ... in query strings, JSON or text.
    [GeneratedRegex(@"(?i)(?<key>""?\b(?:password|newPassword|refreshToken|accessToken|token|secret|authorization)""?)(?<sep>\s*[:=]\s*""?)[^""&\s,}]+")]
    private static partial Regex SecretFieldPattern();

    // Refresh and reset tokens: 32 random bytes in base64url.
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")]
    private static partial Regex OpaqueTokenPattern();

    [GeneratedRegex(@"(?i)/users/(?<id>[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})")]
    private static partial Regex UserPathPattern();
}

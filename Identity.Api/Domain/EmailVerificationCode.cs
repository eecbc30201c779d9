using System.Security.Cryptography;
using System.Text;

namespace ClosetConnect.Identity.Domain;

/// <summary>
/// A 6-digit one-time code mailed at registration. Stored only as a hash salted with the user id; expires, is single
/// use, and allows a bounded number of tries.
/// </summary>
public sealed class EmailVerificationCode
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private EmailVerificationCode()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string CodeHash { get; private set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? ConsumedAt { get; private set; }

    /// <summary>Creates a code; the clear code is returned once, to be mailed, and never stored.</summary>
    public static (EmailVerificationCode Code, string ClearCode) Issue(Guid userId, DateTimeOffset now)
    {
        var clear = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var code = new EmailVerificationCode
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            CodeHash = Hash(userId, clear),
            ExpiresAt = now + Lifetime,
        };
        return (code, clear);
    }

    public bool IsUsable(DateTimeOffset now) => ConsumedAt is null && now < ExpiresAt && Attempts < MaxAttempts;

    /// <summary>Counts the try; consumes the code when it matches.</summary>
    public bool TryConsume(string candidate, DateTimeOffset now)
    {
        if (!IsUsable(now))
        {
            return false;
        }

        Attempts++;
        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(CodeHash), Encoding.ASCII.GetBytes(Hash(UserId, candidate)));
        if (matches)
        {
            ConsumedAt = now;
        }

        return matches;
    }

    private static string Hash(Guid userId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{code}")));
}

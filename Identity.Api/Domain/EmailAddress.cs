using System.Net.Mail;

namespace ClosetConnect.Identity.Domain;

public static class EmailAddress
{
    public static string Normalize(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    public static bool IsValid(string normalized) =>
        normalized.Length is > 0 and <= 254
        && MailAddress.TryCreate(normalized, out var parsed)
        && parsed.Address == normalized
        && parsed.Host.Contains('.', StringComparison.Ordinal);
}

namespace ClosetConnect.ServiceDefaults.Configuration;

/// <summary>Why a secret value cannot be used outside Development; null when it can.</summary>
internal static class SecretValueRules
{
    /// <summary>Markers of example values (.env.example, deploy/secrets.example) that someone forgot to replace.</summary>
    private static readonly string[] PlaceholderMarkers = ["<secret>", "<openssl", "changeme", "change-me", "replace-me"];

    public static string? Problem(string key, string? value, string? developmentDefault)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"Secret '{key}' is missing: set it as the environment variable {EnvironmentName(key)} or as the file {EnvironmentName(key)} in the secrets directory.";
        }
        if (developmentDefault is not null && string.Equals(value, developmentDefault, StringComparison.Ordinal))
        {
            return $"Secret '{key}' still has its development default (appsettings.Development.json): generate a new one, see deploy/secrets.example.";
        }
        if (IsPlaceholder(value))
        {
            return $"Secret '{key}' is still an example placeholder: generate a real value, see deploy/secrets.example.";
        }
        if (key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
        {
            var password = ConnectionStringPassword(value);
            if (string.IsNullOrEmpty(password))
            {
                return $"Secret '{key}' has no password: every server outside Development needs one.";
            }
            if (IsPlaceholder(password))
            {
                return $"Secret '{key}' has an example placeholder as its password: generate a real one, see deploy/secrets.example.";
            }
        }
        return null;
    }

    private static bool IsPlaceholder(string value) =>
        PlaceholderMarkers.Any(marker => value.Contains(marker, StringComparison.OrdinalIgnoreCase));

    /// <summary>The password of a MySQL (<c>Password=</c>), Redis (<c>password=</c>) or AMQP URI (<c>user:password@</c>) connection string.</summary>
    internal static string? ConnectionStringPassword(string connectionString)
    {
        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps")
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            return separator < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
        }
        return connectionString
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim().ToLowerInvariant() is "password" or "pwd")
            .Select(pair => pair[1].Trim())
            .FirstOrDefault();
    }

    public static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}

namespace ClosetConnect.TossSimulator.Api;

/// <summary>What a key's prefix says: test or live, and widget (<c>gck</c>/<c>gsk</c>) or API-individual (<c>ck</c>/<c>sk</c>).</summary>
public static class ApiKeys
{
    public static bool HasKnownPrefix(string key) =>
        key.StartsWith("test_", StringComparison.Ordinal) || key.StartsWith("live_", StringComparison.Ordinal);

    public static bool IsTest(string key) => key.StartsWith("test_", StringComparison.Ordinal);

    public static bool IsWidget(string key) =>
        key.Contains("_gck_", StringComparison.Ordinal) || key.Contains("_gsk_", StringComparison.Ordinal);

    /// <summary>A window opened with <paramref name="clientKey"/> can be confirmed with <paramref name="secretKey"/> (else INVALID_API_KEY).</summary>
    public static bool ArePair(string clientKey, string secretKey) =>
        IsTest(clientKey) == IsTest(secretKey) && IsWidget(clientKey) == IsWidget(secretKey);
}

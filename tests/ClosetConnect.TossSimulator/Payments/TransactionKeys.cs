using System.Security.Cryptography;

namespace ClosetConnect.TossSimulator.Payments;

/// <summary>Fresh identifiers in Toss's shapes.</summary>
public static class TransactionKeys
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A transaction key: 32 upper-case hex digits, like <c>B7103F204998813B889C77C043D09502</c>.</summary>
    public static string NewTransactionKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A paymentKey: 48 letters and digits, like the docs' <c>5zJ4xY7m0kODnyRpQWGrN2xqGlNvLrKwv1M9ENjbeoPaZdL6</c>.</summary>
    public static string NewPaymentKey() => RandomNumberGenerator.GetString(Alphanumerics, 48);

    /// <summary>A webhook transmission id, the receiver's dedupe key.</summary>
    public static string NewTransmissionId() => "wh_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}

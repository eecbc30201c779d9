using System.Globalization;
using System.Text.RegularExpressions;
using ClosetConnect.TossSimulator.Payments;

namespace ClosetConnect.TossSimulator.Checkout;

/// <summary>
/// The query of <c>GET /checkout</c>: what the browser SDK's requestPayment would pass to Toss's window. Validation
/// follows the API's rules (orderId 6–64 of letters, digits, '-' and '_'; amount a whole number ≥ 1; absolute http(s) URLs).
/// </summary>
public static partial class CheckoutQuery
{
    public const int MaxOrderNameLength = 100;

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$")]
    public static partial Regex OrderIdPattern();

    /// <summary>The details, or the problems a developer must fix (each names the parameter).</summary>
    public static (CheckoutDetails? Details, IReadOnlyList<string> Problems) Read(IQueryCollection query, IReadOnlyList<string> clientKeys)
    {
        var problems = new List<string>();
        var clientKey = query["clientKey"].ToString();
        if (!clientKeys.Contains(clientKey, StringComparer.Ordinal))
        {
            problems.Add(clientKey.Length == 0 ? "clientKey is missing." : "clientKey is not a client key this simulator knows (Simulator:ClientKeys).");
        }
        var orderId = query["orderId"].ToString();
        if (!OrderIdPattern().IsMatch(orderId))
        {
            problems.Add("orderId must be 6 to 64 characters of A-Z, a-z, 0-9, '-' and '_'.");
        }
        var orderName = query["orderName"].ToString();
        if (orderName.Length is 0 or > MaxOrderNameLength)
        {
            problems.Add($"orderName must be 1 to {MaxOrderNameLength} characters.");
        }
        if (!long.TryParse(query["amount"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
        {
            problems.Add("amount must be a whole number of won, at least 1.");
        }
        var successUrl = AbsoluteUrl(query["successUrl"].ToString(), "successUrl", problems);
        var failUrl = AbsoluteUrl(query["failUrl"].ToString(), "failUrl", problems);
        var customerKey = query["customerKey"].ToString();

        return problems.Count > 0
            ? (null, problems)
            : (new CheckoutDetails(orderId, orderName, amount, clientKey, customerKey.Length == 0 ? null : customerKey, successUrl!, failUrl!), problems);
    }

    private static Uri? AbsoluteUrl(string value, string name, List<string> problems)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }
        problems.Add($"{name} must be an absolute http or https URL.");
        return null;
    }
}

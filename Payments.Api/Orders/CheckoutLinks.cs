using System.Security.Cryptography;
using System.Text;
using ClosetConnect.Payments.Toss;
using Microsoft.AspNetCore.WebUtilities;

namespace ClosetConnect.Payments.Orders;

/// <summary>The payment window hand-off: client key, customer key, return URLs, and (Development) the simulator's window.</summary>
public sealed class CheckoutLinks(IOptions<TossOptions> toss)
{
    public CheckoutResponse For(Order order, string successUrl, string failUrl)
    {
        var customerKey = CustomerKey(order.BuyerId);
        string? windowUrl = null;
        if (toss.Value.WindowUrl is { } window)
        {
            windowUrl = QueryHelpers.AddQueryString(window.ToString(), new Dictionary<string, string?>
            {
                ["clientKey"] = toss.Value.ClientKey,
                ["customerKey"] = customerKey,
                ["orderId"] = order.TossOrderId,
                ["orderName"] = order.OrderName,
                ["amount"] = order.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["successUrl"] = successUrl,
                ["failUrl"] = failUrl,
            });
        }

        return new CheckoutResponse(toss.Value.ClientKey, customerKey, successUrl, failUrl, windowUrl);
    }

    /// <summary>Toss's customer key identifies the buyer to Toss without giving Toss our user id.</summary>
    private static string CustomerKey(Guid buyerId) =>
        "c_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"closetconnect-customer/{buyerId:N}")))[..40];
}

using System.Globalization;
using ClosetConnect.TossSimulator.Configuration;
using ClosetConnect.TossSimulator.Errors;
using ClosetConnect.TossSimulator.Payments;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Checkout;

/// <summary>
/// What Toss's payment window does between requestPayment and the redirect: open a READY payment, let the customer
/// authenticate (IN_PROGRESS, redirect to successUrl) or give up (redirect to failUrl).
/// </summary>
public sealed class PaymentWindow(PaymentStore store, PaymentProcessor processor, IOptionsMonitor<SimulatorOptions> options)
{
    /// <summary>Opens the window: a new READY payment, replacing one still READY for this orderId; refused once the order is paid.</summary>
    public WindowOutcome Open(CheckoutDetails details)
    {
        var order = store.GetOrAddOrder(details.OrderId);
        lock (order.Gate)
        {
            var now = processor.ExpireDue(order);
            if (order.HasApproval)
            {
                return WindowOutcome.Fail($"Order {details.OrderId} has already been paid ({order.Current!.Status}). Use a new orderId.");
            }
            if (order.Latest is { Status: PaymentStatus.Ready } stale)
            {
                store.Remove(stale);
            }
            var payment = new Payment(order, TransactionKeys.NewPaymentKey(), details, now);
            store.Add(payment);
            return WindowOutcome.Show(new WindowPage(details.OrderId, details.OrderName, details.Amount, payment.PaymentKey));
        }
    }

    /// <summary>The customer pays: IN_PROGRESS, and the browser goes to successUrl with paymentType, orderId, paymentKey and amount.</summary>
    public WindowOutcome Approve(string orderId, string amount)
    {
        if (store.FindOrder(orderId) is not { } order)
        {
            return WindowOutcome.Fail($"No payment window is open for order {orderId}.");
        }
        lock (order.Gate)
        {
            var now = processor.ExpireDue(order);
            if (order.Latest is not { Status: PaymentStatus.Ready or PaymentStatus.InProgress } payment)
            {
                return WindowOutcome.Fail($"The payment window of order {orderId} is no longer open ({order.Latest?.Status}). Open it again.");
            }
            if (!long.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var paid) || paid != payment.TotalAmount)
            {
                return WindowOutcome.Fail($"The amount sent ({amount}) differs from the window's ({payment.TotalAmount}).");
            }
            if (payment.Status == PaymentStatus.Ready)
            {
                payment.Authenticate(now);
            }
            return WindowOutcome.RedirectTo(WithQuery(payment.Checkout.SuccessUrl, new Dictionary<string, string?>
            {
                ["paymentType"] = "NORMAL",
                ["orderId"] = payment.OrderId,
                ["paymentKey"] = payment.PaymentKey,
                ["amount"] = payment.TotalAmount.ToString(CultureInfo.InvariantCulture),
            }));
        }
    }

    /// <summary>
    /// The customer gives up, or the card company refuses: the browser goes to failUrl with code, message and orderId.
    /// A refusal ends the payment ABORTED (with a webhook); a cancel leaves it READY until it expires, as Toss does.
    /// </summary>
    public WindowOutcome Decline(string orderId, string code, MessageLanguage language)
    {
        if (!DeclineCodes.All.Contains(code, StringComparer.Ordinal))
        {
            return WindowOutcome.Fail($"code must be one of {string.Join(", ", DeclineCodes.All)}.");
        }
        if (store.FindOrder(orderId) is not { } order)
        {
            return WindowOutcome.Fail($"No payment window is open for order {orderId}.");
        }
        lock (order.Gate)
        {
            processor.ExpireDue(order);
            if (order.Latest is not { Status: PaymentStatus.Ready or PaymentStatus.InProgress } payment)
            {
                return WindowOutcome.Fail($"The payment window of order {orderId} is no longer open ({order.Latest?.Status}). Open it again.");
            }
            var error = TossErrorCatalog.Get(code);
            if (code == DeclineCodes.RejectedByCardCompany)
            {
                payment.Abort(error.ToError(MessageLanguage.Korean));
                processor.Publish(payment);
            }
            return WindowOutcome.RedirectTo(WithQuery(payment.Checkout.FailUrl, new Dictionary<string, string?>
            {
                ["code"] = code,
                ["message"] = error.Message(language),
                ["orderId"] = payment.OrderId,
            }));
        }
    }

    public IReadOnlyList<string> ClientKeys => options.CurrentValue.EffectiveClientKeys;

    /// <summary>Appends to whatever query the URL already has (the merchant may have put its own parameters there).</summary>
    private static Uri WithQuery(Uri url, Dictionary<string, string?> parameters) => new(QueryHelpers.AddQueryString(url.OriginalString, parameters));
}

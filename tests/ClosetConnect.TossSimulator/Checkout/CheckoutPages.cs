using System.Globalization;
using System.Net;
using System.Text;

namespace ClosetConnect.TossSimulator.Checkout;

/// <summary>
/// The window's HTML: self-contained (inline CSS, no scripts, no external assets) so it works offline and in any test
/// browser. Everything that came from a request is HTML-encoded.
/// </summary>
public static class CheckoutPages
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f2f4f6;color:#191f28;margin:0;display:flex;justify-content:center}
        main{background:#fff;margin:48px 16px;padding:32px;border-radius:16px;max-width:420px;width:100%;box-shadow:0 2px 12px rgba(0,0,0,.08)}
        h1{font-size:20px;margin:0 0 4px}.brand{color:#3182f6;font-weight:700;font-size:14px;margin-bottom:24px}
        .amount{font-size:32px;font-weight:700;margin:16px 0 24px}.muted{color:#6b7684;font-size:14px}
        form{margin:8px 0}button{width:100%;padding:14px;border:0;border-radius:10px;font-size:16px;cursor:pointer}
        #pay{background:#3182f6;color:#fff;font-weight:700}#cancel{background:#e5e8eb;color:#333d4b}#refuse{background:#fff;color:#f04452;border:1px solid #f04452}
        .error{color:#f04452}code,pre{background:#f2f4f6;border-radius:6px;padding:2px 6px;font-size:13px}pre{padding:12px;overflow-x:auto;white-space:pre-wrap}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 12px;font-size:14px}dt{color:#6b7684}dd{margin:0;word-break:break-all}
        """;

    /// <summary>₩15,000.</summary>
    public static string Won(long amount) => "₩" + amount.ToString("N0", CultureInfo.InvariantCulture);

    public static string Window(WindowPage page)
    {
        var amount = Won(page.Amount);
        var body = new StringBuilder()
            .Append("<h1>").Append(E(page.OrderName)).Append("</h1>")
            .Append("<p class=\"muted\">Order ").Append(E(page.OrderId)).Append("</p>")
            .Append("<p class=\"amount\" id=\"amount\">").Append(E(amount)).Append("</p>")
            .Append(Form("/checkout/approve", ("orderId", page.OrderId), ("amount", page.Amount.ToString(CultureInfo.InvariantCulture))))
            .Append("<button type=\"submit\" id=\"pay\">Pay ").Append(E(amount)).Append("</button></form>")
            .Append(Form("/checkout/decline", ("orderId", page.OrderId), ("code", DeclineCodes.Canceled)))
            .Append("<button type=\"submit\" id=\"cancel\">Cancel</button></form>")
            .Append(Form("/checkout/decline", ("orderId", page.OrderId), ("code", DeclineCodes.RejectedByCardCompany)))
            .Append("<button type=\"submit\" id=\"refuse\">Simulate card refusal</button></form>")
            .Append("<p class=\"muted\">Toss Payments simulator: no real card is charged.</p>");
        return Layout("Pay " + amount, body.ToString());
    }

    public static string Error(string title, IEnumerable<string> problems)
    {
        var body = new StringBuilder().Append("<h1 class=\"error\">").Append(E(title)).Append("</h1><ul>");
        foreach (var problem in problems)
        {
            body.Append("<li>").Append(E(problem)).Append("</li>");
        }
        return Layout(title, body.Append("</ul>").ToString());
    }

    /// <summary>The default successUrl/failUrl in Development: shows what Toss sent and how to finish.</summary>
    public static string Result(IQueryCollection query)
    {
        var body = new StringBuilder();
        var failed = query.ContainsKey("code");
        body.Append("<h1").Append(failed ? " class=\"error\">Payment not completed" : ">Payment authenticated").Append("</h1>");
        body.Append("<p class=\"muted\">The payment window redirected here with:</p><dl>");
        foreach (var (name, value) in query)
        {
            body.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value.ToString())).Append("</dd>");
        }
        body.Append("</dl>");
        if (failed)
        {
            body.Append("<p>Nothing to confirm: open the payment window again to retry.</p>");
        }
        else
        {
            var json = $"{{\"paymentKey\":\"{query["paymentKey"]}\",\"orderId\":\"{query["orderId"]}\",\"amount\":{query["amount"]}}}";
            body.Append("<p>To finish, the merchant server confirms within 10 minutes, through the gateway:</p>")
                .Append("<pre>POST /api/v1/payments/confirm\nContent-Type: application/json\n\n").Append(E(json)).Append("</pre>")
                .Append("<p class=\"muted\">Payments.Api then calls <code>POST /v1/payments/confirm</code> on this simulator.</p>");
        }
        return Layout(failed ? "Payment not completed" : "Payment authenticated", body.ToString());
    }

    private static string Form(string action, params (string Name, string Value)[] fields)
    {
        var form = new StringBuilder().Append("<form method=\"post\" action=\"").Append(E(action)).Append("\">");
        foreach (var (name, value) in fields)
        {
            form.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");
        }
        return form.ToString();
    }

    private static string Layout(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + $"<title>{E(title)}</title><style>{Style}</style></head><body><main><div class=\"brand\">toss payments · simulator</div>{body}</main></body></html>";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using ClosetConnect.IntegrationTests.EndToEnd;
using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;

namespace ClosetConnect.IntegrationTests.Marketplace;

/// <summary>
/// The buyer's browser in the payment window: a real headless Chromium (Debian's; Playwright's own download cannot
/// work here) opens the window, presses Pay, and lands on the successUrl with what the client confirms.
/// </summary>
[CancelAfter(240_000)]
public sealed class PaymentWindowBrowserTests : PlaywrightTest
{
    private const string DebianChromium = "/usr/bin/chromium";

    [Test]
    public async Task A_buyer_pays_in_the_window_and_the_redirect_confirms_the_order(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 27_000, cancellationToken);
        var order = await Market.OrderAsync(buyer, listed.ListingId, cancellationToken);

        await using var browser = await BrowserType.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = DebianChromium, Headless = true });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(order.WindowUrl);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(listed.ItemName);
        var pay = page.Locator("#pay");
        await Assertions.Expect(pay).ToContainTextAsync("₩27,000");
        await pay.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("paymentKey=", StringComparison.Ordinal));

        var query = HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.That(query["orderId"], Is.EqualTo(order.TossOrderId));
        Assert.That(query["amount"], Is.EqualTo("27000"));
        using var confirmed = await Market.ConfirmAsync(buyer, new Market.Redirect(query["paymentKey"]!, query["orderId"]!, query["amount"]!), cancellationToken);
        await GatewayClient.EnsureAsync(confirmed, HttpStatusCode.OK, cancellationToken);
        Assert.That((await confirmed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("paid"));
    }

    [Test]
    public async Task A_buyer_who_cancels_in_the_window_lands_on_the_failUrl_and_the_order_stays_payable(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, 4_000, cancellationToken);
        var order = await Market.OrderAsync(buyer, listed.ListingId, cancellationToken);

        await using var browser = await BrowserType.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = DebianChromium, Headless = true });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(order.WindowUrl);
        await page.Locator("#cancel").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("code=", StringComparison.Ordinal));

        var query = HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.That(query["code"], Is.EqualTo("PAY_PROCESS_CANCELED"));
        Assert.That(query["orderId"], Is.EqualTo(order.TossOrderId));
        Assert.That((await Market.OrderStateAsync(buyer, order.OrderId, cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("pending"));
    }
}

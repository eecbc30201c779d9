using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>The payment window (GET /checkout, approve, decline) and the confirm that finishes it.</summary>
public sealed partial class CheckoutWindowTests
{
    private SimulatorFactory factory = null!;
    private TossTestClient toss = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new SimulatorFactory();
        toss = factory.CreateTossClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        toss.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task The_window_shows_the_order_and_the_amount_in_won_with_three_buttons()
    {
        using var response = await toss.OpenWindowAsync(TossTestClient.NewOrderId(), 15000, orderName: "<b>Coat</b> & scarf");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("&lt;b&gt;Coat&lt;/b&gt; &amp; scarf"), "the order name is HTML-encoded");
            Assert.That(html, Does.Not.Contain("<b>Coat"));
            Assert.That(html, Does.Match("<button[^>]*id=\"pay\"[^>]*>Pay ₩15,000</button>"));
            Assert.That(html, Does.Match("<button[^>]*id=\"cancel\"[^>]*>Cancel</button>"));
            Assert.That(html, Does.Match("<button[^>]*id=\"refuse\"[^>]*>Simulate card refusal</button>"));
            Assert.That(html, Does.Contain("action=\"/checkout/approve\""));
            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<link"), "no external assets or scripts");
        });
    }

    [TestCase("short", 15000, TestName = "An orderId under 6 characters")]
    [TestCase("order-with-a-dot.x", 15000, TestName = "An orderId with a dot")]
    [TestCase("order-amount-zero", 0, TestName = "An amount of 0")]
    public async Task The_window_refuses_bad_parameters_with_a_400_page(string orderId, long amount)
    {
        using var response = await toss.OpenWindowAsync(orderId, amount);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("cannot open"));
        });
    }

    [Test]
    public async Task An_unknown_client_key_cannot_open_the_window()
    {
        using var response = await toss.OpenWindowAsync(TossTestClient.NewOrderId(), 15000, clientKey: "test_ck_unknown");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Paying_redirects_303_to_successUrl_and_confirm_approves_with_Tosss_vat_split()
    {
        var orderId = TossTestClient.NewOrderId();
        using (var window = await toss.OpenWindowAsync(orderId, 15000))
        {
            Assert.That(window.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var approved = await toss.PostFormAsync("/checkout/approve", ("orderId", orderId), ("amount", "15000"));
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var location = approved.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Multiple(() =>
        {
            Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo("https://shop.test/pay/success"));
            Assert.That(query["from"].ToString(), Is.EqualTo("test"), "the query already in successUrl is kept");
            Assert.That(query["paymentType"].ToString(), Is.EqualTo("NORMAL"));
            Assert.That(query["orderId"].ToString(), Is.EqualTo(orderId));
            Assert.That(query["amount"].ToString(), Is.EqualTo("15000"));
            Assert.That(query["paymentKey"].ToString(), Is.Not.Empty);
        });
        var paymentKey = query["paymentKey"].ToString();
        Assert.That((await toss.GetPaymentAsync(paymentKey)).GetProperty("status").GetString(), Is.EqualTo("IN_PROGRESS"));

        // The official sample forwards successUrl's amount string as is.
        using var confirmed = await toss.ConfirmAsync(paymentKey, orderId, "15000");
        var payment = await TossTestClient.JsonOf(confirmed);

        Assert.Multiple(() =>
        {
            Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(payment.GetProperty("status").GetString(), Is.EqualTo("DONE"));
            Assert.That(payment.GetProperty("method").GetString(), Is.EqualTo("카드"));
            Assert.That(payment.GetProperty("version").GetString(), Is.EqualTo("2022-11-16"));
            Assert.That(payment.GetProperty("type").GetString(), Is.EqualTo("NORMAL"));
            Assert.That(payment.GetProperty("totalAmount").GetInt64(), Is.EqualTo(15000));
            Assert.That(payment.GetProperty("balanceAmount").GetInt64(), Is.EqualTo(15000));
            Assert.That(payment.GetProperty("vat").GetInt64(), Is.EqualTo(1364));
            Assert.That(payment.GetProperty("suppliedAmount").GetInt64(), Is.EqualTo(13636));
            Assert.That(payment.GetProperty("approvedAt").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$"));
            Assert.That(payment.GetProperty("lastTransactionKey").GetString(), Does.Match("^[0-9A-F]{32}$"));
            Assert.That(payment.GetProperty("card").GetProperty("number").GetString(), Does.Contain("*"));
            Assert.That(payment.GetProperty("cancels").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(payment.GetProperty("secret").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(payment.GetProperty("country").GetString(), Is.EqualTo("KR"));
            Assert.That(payment.GetProperty("mId").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Looking_up_by_paymentKey_and_by_orderId_returns_the_same_bytes()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.PaidAsync(orderId, 15000);

        using var byKey = await toss.GetAsync($"/v1/payments/{paymentKey}");
        using var byOrder = await toss.GetAsync($"/v1/payments/orders/{orderId}");

        Assert.Multiple(async () =>
        {
            Assert.That(byKey.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await byOrder.Content.ReadAsByteArrayAsync(), Is.EqualTo(await byKey.Content.ReadAsByteArrayAsync()));
        });
    }

    [Test]
    public async Task An_unknown_payment_is_404_NOT_FOUND_PAYMENT_on_both_look_ups()
    {
        using var byKey = await toss.GetAsync("/v1/payments/nosuchpaymentkey");
        using var byOrder = await toss.GetAsync("/v1/payments/orders/no-such-order");

        await TossTestClient.AssertErrorAsync(byKey, HttpStatusCode.NotFound, "NOT_FOUND_PAYMENT");
        await TossTestClient.AssertErrorAsync(byOrder, HttpStatusCode.NotFound, "NOT_FOUND_PAYMENT");
    }

    [Test]
    public async Task Cancelling_in_the_window_redirects_to_failUrl_with_code_message_and_orderId()
    {
        var orderId = TossTestClient.NewOrderId();
        (await toss.OpenWindowAsync(orderId, 15000)).Dispose();

        using var declined = await toss.PostFormAsync("/checkout/decline", ("orderId", orderId), ("code", "PAY_PROCESS_CANCELED"));
        var query = QueryHelpers.ParseQuery(declined.Headers.Location!.Query);

        Assert.Multiple(() =>
        {
            Assert.That(declined.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(declined.Headers.Location!.GetLeftPart(UriPartial.Path), Is.EqualTo(TossTestClient.FailUrl));
            Assert.That(query["code"].ToString(), Is.EqualTo("PAY_PROCESS_CANCELED"));
            Assert.That(query["message"].ToString(), Is.EqualTo("사용자에 의해 결제가 취소되었습니다."));
            Assert.That(query["orderId"].ToString(), Is.EqualTo(orderId));
        });
    }

    [Test]
    public async Task A_card_refusal_aborts_the_payment_with_its_failure()
    {
        var orderId = TossTestClient.NewOrderId();
        (await toss.OpenWindowAsync(orderId, 15000)).Dispose();

        using var declined = await toss.PostFormAsync("/checkout/decline", ("orderId", orderId), ("code", "REJECT_CARD_COMPANY"));
        using var lookup = await toss.GetAsync($"/v1/payments/orders/{orderId}");
        var payment = await TossTestClient.JsonOf(lookup);

        Assert.Multiple(() =>
        {
            Assert.That(QueryHelpers.ParseQuery(declined.Headers.Location!.Query)["code"].ToString(), Is.EqualTo("REJECT_CARD_COMPANY"));
            Assert.That(payment.GetProperty("status").GetString(), Is.EqualTo("ABORTED"));
            Assert.That(payment.GetProperty("failure").GetProperty("code").GetString(), Is.EqualTo("REJECT_CARD_COMPANY"));
            Assert.That(payment.GetProperty("approvedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Paying_a_different_amount_than_the_window_shows_is_a_400_page()
    {
        var orderId = TossTestClient.NewOrderId();
        (await toss.OpenWindowAsync(orderId, 15000)).Dispose();

        using var approved = await toss.PostFormAsync("/checkout/approve", ("orderId", orderId), ("amount", "100"));

        Assert.Multiple(async () =>
        {
            Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await approved.Content.ReadAsStringAsync(), Does.Contain("differs"));
        });
    }

    [Test]
    public async Task Reopening_a_ready_window_gives_a_new_paymentKey_but_a_paid_order_cannot_reopen()
    {
        var orderId = TossTestClient.NewOrderId();
        (await toss.OpenWindowAsync(orderId, 15000)).Dispose();
        var first = (await toss.ReportAsync(orderId)).GetProperty("paymentKey").GetString();
        (await toss.OpenWindowAsync(orderId, 15000)).Dispose();
        var second = (await toss.ReportAsync(orderId)).GetProperty("paymentKey").GetString();
        Assert.That(second, Is.Not.EqualTo(first), "a refreshed READY window is a new payment");

        await toss.PaidAsync(orderId, 15000);
        using var again = await toss.OpenWindowAsync(orderId, 15000);

        Assert.Multiple(async () =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("already been paid"));
        });
    }

    [Test]
    public async Task The_result_page_shows_what_it_was_sent_and_how_to_confirm()
    {
        using var response = await toss.Http.GetAsync("/checkout/result?paymentType=NORMAL&orderId=order-123456&paymentKey=pk_%3Cx%3E&amount=15000");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("order-123456").And.Contain("pk_&lt;x&gt;"));
            Assert.That(html, Does.Contain("POST /api/v1/payments/confirm"));
            Assert.That(WhitespaceRegex().Replace(html, ""), Does.Contain("&quot;amount&quot;:15000"));
        });
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>PAYMENT_STATUS_CHANGED webhooks (toss-api.md §7, §9.10), received by a real HTTP endpoint.</summary>
public sealed class WebhookTests
{
    private WebhookReceiver receiver = null!;
    private SimulatorFactory factory = null!;
    private TossTestClient toss = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        factory = new SimulatorFactory(new Dictionary<string, string?>
        {
            ["Simulator:WebhookUrl"] = receiver.Url.ToString(),
            // One "minute" of Toss's retry schedule lasts 50 ms: retries after 50 ms, 200 ms, 800 ms, ….
            ["Simulator:WebhookRetryMinute"] = "00:00:00.05",
        });
        toss = factory.CreateTossClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        toss.Dispose();
        await factory.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Test]
    public async Task An_approval_sends_the_full_payment_with_Tosss_headers()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.PaidAsync(orderId, 15000);

        await WebhookStatusesAsync("the DONE webhook arrived", orderId, statuses => statuses.Contains("DONE"));
        var webhook = receiver.For(orderId).Single(w => w.Status == "DONE");
        var stored = await toss.GetPaymentAsync(paymentKey);

        Assert.Multiple(() =>
        {
            Assert.That(webhook.Body.GetProperty("eventType").GetString(), Is.EqualTo("PAYMENT_STATUS_CHANGED"));
            Assert.That(webhook.Body.GetProperty("createdAt").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$"), "µs, no offset");
            Assert.That(webhook.Body.GetProperty("data").GetRawText(), Is.EqualTo(stored.GetRawText()), "data is the whole Payment");
            Assert.That(webhook.Headers["tosspayments-webhook-transmission-id"], Is.Not.Empty);
            Assert.That(webhook.Headers["tosspayments-webhook-transmission-time"], Is.Not.Empty);
            Assert.That(webhook.Headers["tosspayments-webhook-transmission-retried-count"], Is.EqualTo("0"));
            Assert.That(webhook.Headers["content-type"], Does.StartWith("application/json"));
        });
        await Eventually.UntilAsync("the control API reporting the webhook delivered",
            async () => (await toss.ReportAsync(orderId)).GetProperty("webhooks").EnumerateArray().Select(w => w.GetProperty("delivery").GetString()).ToList(),
            deliveries => deliveries.Contains("DELIVERED"), Stopping);
    }

    [Test]
    public async Task A_receiver_that_does_not_answer_200_gets_retries_with_the_same_transmission_id()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.AuthenticateAsync(orderId, 15000);
        receiver.AnswerNext(500, 202);
        (await toss.ConfirmAsync(paymentKey, orderId, 15000)).Dispose();

        await WebhookStatusesAsync("the third attempt of the DONE webhook answered 200", orderId, statuses => statuses.Count(s => s == "DONE") >= 3);
        var attempts = receiver.For(orderId).Where(w => w.Status == "DONE").ToList();
        var report = await Eventually.UntilAsync("the control API counting 3 attempts", async () => (await toss.ReportAsync(orderId)).GetProperty("webhooks")[0],
            webhook => webhook.GetProperty("attempts").GetInt32() == 3, Stopping);

        Assert.Multiple(() =>
        {
            Assert.That(attempts.Select(a => a.AnsweredStatus), Is.EqualTo(new[] { 500, 202, 200 }), "202 is not 200: also a failure");
            Assert.That(attempts.Select(a => a.Headers["tosspayments-webhook-transmission-id"]).Distinct().Count(), Is.EqualTo(1));
            Assert.That(attempts.Select(a => a.Headers["tosspayments-webhook-transmission-retried-count"]), Is.EqualTo(new[] { "0", "1", "2" }));
            Assert.That(attempts.Select(a => a.Body.GetRawText()).Distinct().Count(), Is.EqualTo(1), "every retry sends the same body");
            Assert.That(report.GetProperty("delivery").GetString(), Is.EqualTo("DELIVERED"));
            Assert.That(report.GetProperty("lastStatusCode").GetInt32(), Is.EqualTo(200));
            Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("DONE"));
        });
    }

    [Test]
    public async Task Partial_cancel_and_console_cancel_send_their_statuses()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.PaidAsync(orderId, 15000);

        (await toss.CancelAsync(paymentKey, new { cancelReason = "부분", cancelAmount = 5000 })).Dispose();
        using var console = await toss.Http.PostAsJsonAsync($"/simulator/payments/{paymentKey}/console-cancel", new { cancelReason = "관리자 취소" });
        var payment = await TossTestClient.JsonOf(console);

        Assert.Multiple(() =>
        {
            Assert.That(console.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(payment.GetProperty("balanceAmount").GetInt64(), Is.Zero);
            Assert.That(payment.GetProperty("cancels").GetArrayLength(), Is.EqualTo(2));
        });
        await Eventually.UntilAsync("DONE, PARTIAL_CANCELED and the console cancel's webhooks arrived (three balances)",
            () => Task.FromResult(receiver.For(orderId).Select(w => w.Body.GetProperty("data").GetProperty("balanceAmount").GetInt64()).ToList()),
            balances => balances.Distinct().Count() == 3, Stopping);
        Assert.That(receiver.For(orderId).Select(w => w.Status).Distinct(), Is.EquivalentTo(new[] { "DONE", "PARTIAL_CANCELED" }));
    }

    [Test]
    public async Task A_console_cancel_of_a_done_payment_is_CANCELED_with_a_webhook()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.PaidAsync(orderId, 15000);

        using var console = await toss.Http.PostAsync($"/simulator/payments/{paymentKey}/console-cancel", null);

        Assert.That((await TossTestClient.JsonOf(console)).GetProperty("status").GetString(), Is.EqualTo("CANCELED"));
        await WebhookStatusesAsync("the CANCELED webhook arrived", orderId, statuses => statuses.Contains("CANCELED"));
        Assert.That((await toss.ReportAsync(orderId)).GetProperty("cancels").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_card_refusal_sends_ABORTED_and_an_abandoned_window_sends_EXPIRED()
    {
        var refused = TossTestClient.NewOrderId();
        (await toss.OpenWindowAsync(refused, 15000)).Dispose();
        (await toss.PostFormAsync("/checkout/decline", ("orderId", refused), ("code", "REJECT_CARD_COMPANY"))).Dispose();
        var abandoned = TossTestClient.NewOrderId();
        (await toss.OpenWindowAsync(abandoned, 15000)).Dispose();

        await toss.AdvanceClockAsync(TimeSpan.FromMinutes(31));
        using var lookup = await toss.GetAsync($"/v1/payments/orders/{abandoned}");

        await WebhookStatusesAsync("the ABORTED webhook arrived", refused, statuses => statuses.Contains("ABORTED"));
        await WebhookStatusesAsync("the EXPIRED webhook arrived", abandoned, statuses => statuses.Contains("EXPIRED"));
        var expired = receiver.For(abandoned).Single(w => w.Status == "EXPIRED").Body.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(expired.GetProperty("failure").GetProperty("code").GetString(), Is.EqualTo("EXPIRED_PAYMENT"));
            Assert.That(expired.GetProperty("method").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(DateTime.TryParseExact(receiver.For(abandoned)[0].Body.GetProperty("createdAt").GetString(), "yyyy-MM-dd'T'HH:mm:ss.ffffff",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out _), Is.True);
        });
    }

    private static CancellationToken Stopping => TestContext.CurrentContext.CancellationToken;

    /// <summary>The statuses of the webhooks received for an order, in arrival order, once <paramref name="done"/> accepts them.</summary>
    private Task<List<string>> WebhookStatusesAsync(string what, string orderId, Func<List<string>, bool> done) =>
        Eventually.UntilAsync(what, () => Task.FromResult(receiver.For(orderId).Select(w => w.Status).ToList()), done, Stopping);
}

using System.Net;
using System.Text.Json;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>Confirm's checks, in toss-api.md §9.5's order.</summary>
public sealed class ConfirmTests
{
    private SimulatorFactory factory = null!;
    private TossTestClient toss = null!;

    // Each test gets its own simulator: one of them moves the clock.
    [SetUp]
    public void Start()
    {
        factory = new SimulatorFactory();
        toss = factory.CreateTossClient();
    }

    [TearDown]
    public async Task StopAsync()
    {
        toss.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task A_body_without_amount_is_400_INVALID_REQUEST()
    {
        using var response = await toss.PostJsonAsync("/v1/payments/confirm", new { paymentKey = "x", orderId = "order-123456" });

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_REQUEST");
    }

    [Test]
    public async Task An_unknown_paymentKey_is_404_NOT_FOUND_PAYMENT()
    {
        using var response = await toss.ConfirmAsync("unknownpaymentkey", "order-123456", 15000);

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND_PAYMENT");
    }

    [Test]
    public async Task An_amount_other_than_the_windows_is_refused_and_approves_nothing()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.AuthenticateAsync(orderId, 15000);

        using var response = await toss.ConfirmAsync(paymentKey, orderId, 100);

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_REQUEST");
        Assert.That((await toss.ReportAsync(orderId)).GetProperty("approvals").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task A_second_confirm_without_an_idempotency_key_is_400_ALREADY_PROCESSED_PAYMENT()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.PaidAsync(orderId, 15000);

        using var again = await toss.ConfirmAsync(paymentKey, orderId, 15000);

        await TossTestClient.AssertErrorAsync(again, HttpStatusCode.BadRequest, "ALREADY_PROCESSED_PAYMENT");
        Assert.That((await toss.ReportAsync(orderId)).GetProperty("approvals").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Eleven_minutes_after_authentication_the_payment_is_expired_and_confirm_is_404_NOT_FOUND_PAYMENT_SESSION()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.AuthenticateAsync(orderId, 15000);

        await toss.AdvanceClockAsync(TimeSpan.FromMinutes(11));
        // Expiry comes before the amount check: a wrong amount does not change the answer.
        using var wrongAmount = await toss.ConfirmAsync(paymentKey, orderId, 1);
        using var response = await toss.ConfirmAsync(paymentKey, orderId, 15000);
        var payment = await toss.GetPaymentAsync(paymentKey);

        await TossTestClient.AssertErrorAsync(wrongAmount, HttpStatusCode.NotFound, "NOT_FOUND_PAYMENT_SESSION");
        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND_PAYMENT_SESSION");
        Assert.Multiple(() =>
        {
            Assert.That(payment.GetProperty("status").GetString(), Is.EqualTo("EXPIRED"));
            Assert.That(payment.GetProperty("failure").GetProperty("code").GetString(), Is.EqualTo("EXPIRED_PAYMENT"));
            Assert.That(payment.GetProperty("method").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(payment.GetProperty("approvedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Nine_minutes_after_authentication_confirm_still_approves()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.AuthenticateAsync(orderId, 15000);

        await toss.AdvanceClockAsync(TimeSpan.FromMinutes(9));
        using var response = await toss.ConfirmAsync(paymentKey, orderId, 15000);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_card_payment_under_100_won_is_400_BELOW_MINIMUM_AMOUNT()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await toss.AuthenticateAsync(orderId, 50);

        using var response = await toss.ConfirmAsync(paymentKey, orderId, 50);

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BELOW_MINIMUM_AMOUNT");
    }

    [Test]
    public async Task Messages_are_Korean_by_default_and_English_with_Accept_Language_en_US()
    {
        using var korean = await toss.GetAsync("/v1/payments/unknownpaymentkey");
        using var english = await toss.GetAsync("/v1/payments/unknownpaymentkey", language: "en-US");

        var koreanError = await TossTestClient.JsonOf(korean);
        var englishError = await TossTestClient.JsonOf(english);
        Assert.Multiple(() =>
        {
            Assert.That(koreanError.GetProperty("message").GetString(), Is.EqualTo("존재하지 않는 결제 입니다."));
            Assert.That(englishError.GetProperty("code").GetString(), Is.EqualTo("NOT_FOUND_PAYMENT"));
            Assert.That(englishError.GetProperty("message").GetString(), Is.EqualTo("The payment does not exist."));
        });
    }
}

using System.Net;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>TossPayments-Test-Code (toss-api.md §5.3, §9.9): rehearsing errors with a test key.</summary>
public sealed class TestCodeTests : SimulatorFixture
{
    private const string LiveSecretKey = "live_sk_closetconnect_simulator";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:SecretKeys:0"] = SimulatorFactory.SecretKey,
        ["Simulator:SecretKeys:1"] = LiveSecretKey,
    };

    [TestCase("REJECT_CARD_PAYMENT", HttpStatusCode.Forbidden)]
    [TestCase("PROVIDER_ERROR", HttpStatusCode.BadRequest)]
    [TestCase("FAILED_INTERNAL_SYSTEM_PROCESSING", HttpStatusCode.InternalServerError)]
    public async Task A_test_key_gets_the_named_error_with_its_status_before_any_validation(string code, HttpStatusCode status)
    {
        using var response = await Toss.ConfirmAsync("no-such-payment", "no-such-order", 15000, testCode: code);

        await TossTestClient.AssertErrorAsync(response, status, code);
    }

    [Test]
    public async Task A_live_key_ignores_the_header()
    {
        using var response = await Toss.PostJsonAsync("/v1/payments/confirm", new { paymentKey = "no-such-payment", orderId = "order-123456", amount = 15000 },
            testCode: "REJECT_CARD_PAYMENT", secretKey: LiveSecretKey);

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND_PAYMENT");
    }

    [Test]
    public async Task The_test_error_is_bound_to_the_idempotency_key()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.AuthenticateAsync(orderId, 15000);
        var key = Guid.NewGuid().ToString();

        using var rehearsed = await Toss.ConfirmAsync(paymentKey, orderId, 15000, key, testCode: "REJECT_CARD_PAYMENT");
        using var repeat = await Toss.ConfirmAsync(paymentKey, orderId, 15000, key);

        await TossTestClient.AssertErrorAsync(repeat, HttpStatusCode.Forbidden, "REJECT_CARD_PAYMENT");
        Assert.That(await repeat.Content.ReadAsByteArrayAsync(), Is.EqualTo(await rehearsed.Content.ReadAsByteArrayAsync()));
    }

    [Test]
    public async Task An_unknown_code_is_400_INVALID_REQUEST()
    {
        using var response = await Toss.ConfirmAsync("x", "order-123456", 15000, testCode: "NO_SUCH_CODE");

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_REQUEST");
    }

    [Test]
    public async Task Authentication_still_comes_first()
    {
        using var response = await Toss.PostJsonAsync("/v1/payments/confirm", new { }, testCode: "REJECT_CARD_PAYMENT", secretKey: "test_sk_unknown");

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED_KEY");
    }

    [Test]
    public async Task A_test_code_error_comes_back_in_English_when_asked()
    {
        using var response = await Toss.PostJsonAsync("/v1/payments/confirm", new { }, testCode: "REJECT_CARD_PAYMENT", language: "en-US");

        var error = await TossTestClient.JsonOf(response);
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("limit"));
    }
}

using System.Net;
using System.Net.Http.Json;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>Idempotency-Key (toss-api.md §6, §9.8): the first answer, byte for byte, whatever the repeat's body.</summary>
public sealed class IdempotencyTests : SimulatorFixture
{
    [Test]
    public async Task A_repeated_confirm_replays_the_first_answer_byte_for_byte_and_approves_once()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.AuthenticateAsync(orderId, 15000);
        var key = Guid.NewGuid().ToString();

        using var first = await Toss.ConfirmAsync(paymentKey, orderId, 15000, key);
        // The body is not part of the identity: even a different amount gets the first answer.
        using var repeat = await Toss.ConfirmAsync(paymentKey, orderId, 1, key);

        var firstTrace = first.Headers.GetValues("X-TossPayments-Trace-Id").Single();
        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(repeat.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await repeat.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
            Assert.That(first.Headers.GetValues("idempotency-key").Single(), Is.EqualTo(key));
            Assert.That(repeat.Headers.GetValues("idempotency-key").Single(), Is.EqualTo(key));
            Assert.That(repeat.Content.Headers.ContentType, Is.EqualTo(first.Content.Headers.ContentType));
            Assert.That(repeat.Headers.GetValues("X-TossPayments-Trace-Id").Single(), Does.EndWith(", " + firstTrace));
            Assert.That((await Toss.ReportAsync(orderId)).GetProperty("approvals").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_4xx_is_bound_to_its_key_too()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.AuthenticateAsync(orderId, 15000);
        var key = Guid.NewGuid().ToString();

        using var wrong = await Toss.ConfirmAsync(paymentKey, orderId, 100, key);
        using var corrected = await Toss.ConfirmAsync(paymentKey, orderId, 15000, key);
        using var newKey = await Toss.ConfirmAsync(paymentKey, orderId, 15000, Guid.NewGuid().ToString());

        Assert.Multiple(async () =>
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the corrected body is not run");
            Assert.That(await corrected.Content.ReadAsByteArrayAsync(), Is.EqualTo(await wrong.Content.ReadAsByteArrayAsync()));
            Assert.That(newKey.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a fresh key runs");
        });
    }

    [Test]
    public async Task While_the_first_request_runs_a_repeat_is_409_IDEMPOTENT_REQUEST_PROCESSING()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.AuthenticateAsync(orderId, 15000);
        var key = Guid.NewGuid().ToString();
        // The first of two requests to claim the key is held for 5 s; the other, sent at the same moment, finds it held.
        using (var armed = await Toss.Http.PostAsJsonAsync("/simulator/faults", new { orderId, fault = "delay", count = 1, delayMilliseconds = 5000 }))
        {
            Assert.That(armed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var responses = await Task.WhenAll(Toss.ConfirmAsync(paymentKey, orderId, 15000, key), Toss.ConfirmAsync(paymentKey, orderId, 15000, key));
        using var first = responses.Single(r => r.StatusCode != HttpStatusCode.Conflict);
        using var busy = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        using var afterwards = await Toss.ConfirmAsync(paymentKey, orderId, 15000, key);

        await TossTestClient.AssertErrorAsync(busy, HttpStatusCode.Conflict, "IDEMPOTENT_REQUEST_PROCESSING");
        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await afterwards.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
        });
    }

    [Test]
    public async Task A_key_over_300_characters_is_400_INVALID_IDEMPOTENCY_KEY()
    {
        using var response = await Toss.ConfirmAsync("any", "order-123456", 15000, new string('k', 301));

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_IDEMPOTENCY_KEY");
    }

    [Test]
    public async Task A_repeated_cancel_cancels_once()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.PaidAsync(orderId, 15000);
        var key = Guid.NewGuid().ToString();

        using var first = await Toss.CancelAsync(paymentKey, new { cancelReason = "변심", cancelAmount = 1000 }, key);
        using var repeat = await Toss.CancelAsync(paymentKey, new { cancelReason = "변심", cancelAmount = 1000 }, key);
        var payment = await Toss.GetPaymentAsync(paymentKey);

        Assert.Multiple(async () =>
        {
            Assert.That(await repeat.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
            Assert.That(payment.GetProperty("balanceAmount").GetInt64(), Is.EqualTo(14000));
            Assert.That(payment.GetProperty("cancels").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task GET_ignores_the_key()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.PaidAsync(orderId, 15000);
        var key = Guid.NewGuid().ToString();

        using var before = await Toss.GetAsync($"/v1/payments/{paymentKey}", idempotencyKey: key);
        (await Toss.CancelAsync(paymentKey, new { cancelReason = "변심" })).Dispose();
        using var after = await Toss.GetAsync($"/v1/payments/{paymentKey}", idempotencyKey: key);

        Assert.Multiple(async () =>
        {
            Assert.That((await TossTestClient.JsonOf(before)).GetProperty("status").GetString(), Is.EqualTo("DONE"));
            Assert.That((await TossTestClient.JsonOf(after)).GetProperty("status").GetString(), Is.EqualTo("CANCELED"));
        });
    }
}

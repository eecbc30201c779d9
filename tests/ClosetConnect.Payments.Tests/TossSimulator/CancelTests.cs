using System.Net;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>Cancel (toss-api.md §3.4, §9.7): full, partial, over the balance, twice.</summary>
public sealed class CancelTests : SimulatorFixture
{
    [Test]
    public async Task A_full_cancel_is_CANCELED_and_a_second_is_400_ALREADY_CANCELED_PAYMENT()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.PaidAsync(orderId, 15000);

        using var canceled = await Toss.CancelAsync(paymentKey, new { cancelReason = "고객이 취소를 원함" });
        var payment = await TossTestClient.JsonOf(canceled);
        var cancel = payment.GetProperty("cancels")[0];
        using var again = await Toss.CancelAsync(paymentKey, new { cancelReason = "고객이 취소를 원함" });

        Assert.Multiple(() =>
        {
            Assert.That(canceled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(payment.GetProperty("status").GetString(), Is.EqualTo("CANCELED"));
            Assert.That(payment.GetProperty("balanceAmount").GetInt64(), Is.Zero);
            Assert.That(payment.GetProperty("totalAmount").GetInt64(), Is.EqualTo(15000));
            Assert.That(cancel.GetProperty("cancelAmount").GetInt64(), Is.EqualTo(15000));
            Assert.That(cancel.GetProperty("refundableAmount").GetInt64(), Is.Zero);
            Assert.That(cancel.GetProperty("cancelStatus").GetString(), Is.EqualTo("DONE"));
            Assert.That(cancel.GetProperty("cancelReason").GetString(), Is.EqualTo("고객이 취소를 원함"));
            Assert.That(cancel.GetProperty("canceledAt").GetString(), Does.EndWith("+09:00"));
            Assert.That(payment.GetProperty("lastTransactionKey").GetString(), Is.EqualTo(cancel.GetProperty("transactionKey").GetString()));
        });
        await TossTestClient.AssertErrorAsync(again, HttpStatusCode.BadRequest, "ALREADY_CANCELED_PAYMENT");
    }

    [Test]
    public async Task Partial_cancels_stay_PARTIAL_CANCELED_down_to_zero_and_then_are_403_NOT_CANCELABLE_AMOUNT()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.PaidAsync(orderId, 15000);

        using var part = await Toss.CancelAsync(paymentKey, new { cancelReason = "부분 반품", cancelAmount = 4000 });
        var afterPart = await TossTestClient.JsonOf(part);
        using var rest = await Toss.CancelAsync(paymentKey, new { cancelReason = "나머지", cancelAmount = 11000, refundableAmount = 11000 });
        var afterRest = await TossTestClient.JsonOf(rest);
        using var more = await Toss.CancelAsync(paymentKey, new { cancelReason = "또" });

        Assert.Multiple(() =>
        {
            Assert.That(afterPart.GetProperty("status").GetString(), Is.EqualTo("PARTIAL_CANCELED"));
            Assert.That(afterPart.GetProperty("balanceAmount").GetInt64(), Is.EqualTo(11000));
            Assert.That(afterPart.GetProperty("vat").GetInt64(), Is.EqualTo(1000));
            Assert.That(afterPart.GetProperty("suppliedAmount").GetInt64(), Is.EqualTo(10000));
            Assert.That(afterRest.GetProperty("status").GetString(), Is.EqualTo("PARTIAL_CANCELED"), "stays PARTIAL_CANCELED at balance 0");
            Assert.That(afterRest.GetProperty("balanceAmount").GetInt64(), Is.Zero);
            Assert.That(afterRest.GetProperty("cancels").GetArrayLength(), Is.EqualTo(2));
            Assert.That(afterRest.GetProperty("cancels")[1].GetProperty("refundableAmount").GetInt64(), Is.Zero);
        });
        await TossTestClient.AssertErrorAsync(more, HttpStatusCode.Forbidden, "NOT_CANCELABLE_AMOUNT");
    }

    [Test]
    public async Task Cancelling_more_than_the_balance_is_403_NOT_CANCELABLE_AMOUNT_and_changes_nothing()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.PaidAsync(orderId, 15000);

        using var response = await Toss.CancelAsync(paymentKey, new { cancelReason = "과다", cancelAmount = 15001 });

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.Forbidden, "NOT_CANCELABLE_AMOUNT");
        var payment = await Toss.GetPaymentAsync(paymentKey);
        Assert.Multiple(() =>
        {
            Assert.That(payment.GetProperty("status").GetString(), Is.EqualTo("DONE"));
            Assert.That(payment.GetProperty("balanceAmount").GetInt64(), Is.EqualTo(15000));
        });
    }

    [Test]
    public async Task A_stale_refundableAmount_is_400_NOT_MATCHES_REFUNDABLE_AMOUNT()
    {
        var paymentKey = await Toss.PaidAsync(TossTestClient.NewOrderId(), 15000);

        using var response = await Toss.CancelAsync(paymentKey, new { cancelReason = "낙관적 확인", cancelAmount = 1000, refundableAmount = 14000 });

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, "NOT_MATCHES_REFUNDABLE_AMOUNT");
    }

    [Test]
    public async Task A_cancel_without_cancelReason_is_400_INVALID_REQUEST()
    {
        var paymentKey = await Toss.PaidAsync(TossTestClient.NewOrderId(), 15000);

        using var response = await Toss.CancelAsync(paymentKey, new { cancelAmount = 1000 });

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_REQUEST");
    }

    [Test]
    public async Task Cancelling_an_unconfirmed_payment_is_403_NOT_CANCELABLE_PAYMENT()
    {
        var paymentKey = await Toss.AuthenticateAsync(TossTestClient.NewOrderId(), 15000);

        using var response = await Toss.CancelAsync(paymentKey, new { cancelReason = "승인 전" });

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.Forbidden, "NOT_CANCELABLE_PAYMENT");
    }

    [Test]
    public async Task Cancelling_an_unknown_payment_is_404_NOT_FOUND_PAYMENT()
    {
        using var response = await Toss.CancelAsync("nosuchpayment", new { cancelReason = "없음" });

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND_PAYMENT");
    }
}

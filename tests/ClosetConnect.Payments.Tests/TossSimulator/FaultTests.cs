using System.Net;
using System.Net.Http.Json;
using NUnit.Framework.Constraints;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>The control API's confirm faults: what a client sees when an answer, or the request itself, is lost.</summary>
public sealed class FaultTests : SimulatorFixture
{
    // Over a socket an aborted connection is an HttpRequestException; the in-memory TestServer reports it as cancelled.
    private static IResolveConstraint ConnectionError =>
        Throws.InstanceOf<HttpRequestException>().Or.InstanceOf<OperationCanceledException>();

    [Test]
    public async Task A_dropped_response_is_a_connection_error_but_the_payment_is_approved_once()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.AuthenticateAsync(orderId, 15000);
        var key = Guid.NewGuid().ToString();
        await ArmAsync(orderId, "drop-response", count: 2);

        Assert.That(async () => (await Toss.ConfirmAsync(paymentKey, orderId, 15000, key)).Dispose(), ConnectionError, "the answer is lost");
        Assert.That(async () => (await Toss.ConfirmAsync(paymentKey, orderId, 15000, key)).Dispose(), ConnectionError, "the retry's answer is lost too");
        var report = await Toss.ReportAsync(orderId);
        using var retried = await Toss.ConfirmAsync(paymentKey, orderId, 15000, key);
        using var withoutKey = await Toss.ConfirmAsync(paymentKey, orderId, 15000);

        Assert.Multiple(async () =>
        {
            Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("DONE"));
            Assert.That(report.GetProperty("approvals").GetInt32(), Is.EqualTo(1));
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same key replays the recorded approval");
            Assert.That((await TossTestClient.JsonOf(retried)).GetProperty("status").GetString(), Is.EqualTo("DONE"));
            Assert.That((await Toss.ReportAsync(orderId)).GetProperty("approvals").GetInt32(), Is.EqualTo(1));
        });
        await TossTestClient.AssertErrorAsync(withoutKey, HttpStatusCode.BadRequest, "ALREADY_PROCESSED_PAYMENT");
    }

    [Test]
    public async Task A_dropped_request_changes_nothing_and_the_next_confirm_approves()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.AuthenticateAsync(orderId, 15000);
        var key = Guid.NewGuid().ToString();
        await ArmAsync(orderId, "drop-request", count: 1);

        Assert.That(async () => (await Toss.ConfirmAsync(paymentKey, orderId, 15000, key)).Dispose(), ConnectionError);
        var report = await Toss.ReportAsync(orderId);
        using var retried = await Toss.ConfirmAsync(paymentKey, orderId, 15000, key);

        Assert.Multiple(async () =>
        {
            Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(report.GetProperty("approvals").GetInt32(), Is.Zero);
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK), await retried.Content.ReadAsStringAsync());
            Assert.That((await Toss.ReportAsync(orderId)).GetProperty("approvals").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_cleared_fault_no_longer_applies()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await Toss.AuthenticateAsync(orderId, 15000);
        await ArmAsync(orderId, "drop-request", count: 5);

        using (var cleared = await Toss.Http.DeleteAsync($"/simulator/faults/{orderId}"))
        {
            Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }
        using var confirmed = await Toss.ConfirmAsync(paymentKey, orderId, 15000);

        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_unknown_fault_is_a_400_problem()
    {
        using var response = await Toss.Http.PostAsJsonAsync("/simulator/faults", new { orderId = "order-123456", fault = "explode" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private async Task ArmAsync(string orderId, string fault, int count)
    {
        using var armed = await Toss.Http.PostAsJsonAsync("/simulator/faults", new { orderId, fault, count });
        Assert.That(armed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await armed.Content.ReadAsStringAsync());
    }
}

using System.Net.Http.Json;
using ClosetConnect.Payments.Tests.TossSimulator;
using ClosetConnect.Payments.Toss;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.Payments.Tests.Toss;

/// <summary>
/// Payments' real <see cref="TossClient"/>, registered as Payments registers it (Basic auth, the tuned resilience
/// handler), against the simulator of Toss's documented API in memory.
/// </summary>
public sealed class TossClientTests
{
    private SimulatorFactory simulator = null!;
    private TossTestClient browser = null!;
    private ServiceProvider services = null!;

    [SetUp]
    public void SetUp()
    {
        simulator = new SimulatorFactory();
        browser = simulator.CreateTossClient();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Toss:BaseAddress"] = "http://toss.test/",
            ["Toss:SecretKey"] = SimulatorFactory.SecretKey,
            ["Toss:ClientKey"] = SimulatorFactory.ClientKey,
            ["Toss:AttemptTimeout"] = "00:00:02",
            ["Toss:TotalTimeout"] = "00:00:06",
        });
        builder.AddTossClient();
        builder.Services.AddHttpClient<TossClient>().ConfigurePrimaryHttpMessageHandler(() => simulator.Server.CreateHandler());
        services = builder.Services.BuildServiceProvider();
    }

    [TearDown]
    public async Task TearDown()
    {
        await services.DisposeAsync();
        browser.Dispose();
        await simulator.DisposeAsync();
    }

    private TossClient Client => services.GetRequiredService<TossClient>();

    [Test]
    public async Task Confirm_reads_the_approved_payment_and_both_lookups_agree()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await browser.AuthenticateAsync(orderId, 15_000);

        var confirmed = await Client.ConfirmAsync(paymentKey, orderId, 15_000, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(confirmed.IsApproved, Is.True);
            Assert.That(confirmed.TotalAmount, Is.EqualTo(15_000));
            Assert.That(confirmed.ApprovedAt, Is.Not.Null);
        });
        Assert.That(await Client.GetAsync(paymentKey, CancellationToken.None), Is.EqualTo(confirmed));
        Assert.That(await Client.GetByOrderIdAsync(orderId, CancellationToken.None), Is.EqualTo(confirmed));
    }

    [Test]
    public async Task A_refusal_carries_Tosss_code_and_a_repeat_with_the_same_key_does_not_charge_twice()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await browser.AuthenticateAsync(orderId, 5_000);
        await Client.ConfirmAsync(paymentKey, orderId, 5_000, CancellationToken.None);

        var again = await Client.ConfirmAsync(paymentKey, orderId, 5_000, CancellationToken.None);
        Assert.That(again.IsApproved, Is.True, "the same Idempotency-Key replays the first answer");
        Assert.That((await browser.ReportAsync(orderId)).GetProperty("approvals").GetInt32(), Is.EqualTo(1));

        var refusal = await Assert.ThrowsAsync<TossRejectedException>(() => Client.ConfirmAsync("unknown-key", TossTestClient.NewOrderId(), 5_000, CancellationToken.None));
        Assert.That(refusal!.Code, Is.EqualTo("NOT_FOUND_PAYMENT"));
        Assert.That(refusal.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task A_lost_answer_is_retried_with_its_key_then_reported_as_unknown_and_Toss_approved_once()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await browser.AuthenticateAsync(orderId, 9_000);
        using (var armed = await browser.Http.PostAsJsonAsync("/simulator/faults", new { orderId, fault = "drop-response" }))
        {
            armed.EnsureSuccessStatusCode();
        }

        await Assert.ThrowsAsync<TossUnavailableException>(() => Client.ConfirmAsync(paymentKey, orderId, 9_000, CancellationToken.None));

        var report = await browser.ReportAsync(orderId);
        Assert.That(report.GetProperty("approvals").GetInt32(), Is.EqualTo(1), "retries carry the same Idempotency-Key, so Toss approves once");
        Assert.That((await Client.GetByOrderIdAsync(orderId, CancellationToken.None)).IsApproved, Is.True, "the reconciler's read finds it paid");
    }

    [Test]
    public async Task Cancel_refunds_the_whole_balance_once()
    {
        var orderId = TossTestClient.NewOrderId();
        var paymentKey = await browser.AuthenticateAsync(orderId, 12_000);
        await Client.ConfirmAsync(paymentKey, orderId, 12_000, CancellationToken.None);

        var cancelled = await Client.CancelAsync(paymentKey, "damaged", CancellationToken.None);
        var repeat = await Client.CancelAsync(paymentKey, "damaged", CancellationToken.None);

        Assert.That((cancelled.IsCanceled, cancelled.BalanceAmount), Is.EqualTo((true, 0L)));
        Assert.That(repeat, Is.EqualTo(cancelled), "the same key replays, nothing is cancelled twice");
        Assert.That((await browser.ReportAsync(orderId)).GetProperty("cancels").GetInt32(), Is.EqualTo(1));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Marketplace;

/// <summary>The money is right when the client, the clock or Toss misbehave.</summary>
[CancelAfter(240_000)]
public sealed class PaymentFaultTests
{
    [Test]
    public async Task A_tampered_amount_is_refused_before_Toss_is_called(CancellationToken cancellationToken)
    {
        var (app, buyer, order, redirect) = await PaidInWindowAsync(20_000, cancellationToken);

        using var tampered = await Market.ConfirmAsync(buyer, redirect, cancellationToken, amount: 1_000);

        Assert.That(tampered.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await tampered.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("20000"));
        var toss = await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken);
        Assert.That(toss.GetProperty("approvals").GetInt32(), Is.Zero, "Toss was never asked");
        Assert.That((await Market.OrderStateAsync(buyer, order.OrderId, cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("pending"));
    }

    [Test]
    public async Task A_double_click_and_a_repeated_idempotency_key_charge_once_and_answer_the_same(CancellationToken cancellationToken)
    {
        var (app, buyer, order, redirect) = await PaidInWindowAsync(15_000, cancellationToken);

        var clicks = await Task.WhenAll(
            Market.ConfirmAsync(buyer, redirect, cancellationToken, idempotencyKey: "click-1"),
            Market.ConfirmAsync(buyer, redirect, cancellationToken));
        using var repeat = await Market.ConfirmAsync(buyer, redirect, cancellationToken, idempotencyKey: "click-1");

        var answers = new List<JsonElement>();
        foreach (var response in clicks.Append(repeat))
        {
            await GatewayClient.EnsureAsync(response, HttpStatusCode.OK, cancellationToken);
            answers.Add(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
        }

        Assert.That(answers.Select(a => a.GetProperty("approvedAt").GetString()).Distinct().Count(), Is.EqualTo(1), "every answer is the same");
        var toss = await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken);
        Assert.That(toss.GetProperty("approvals").GetInt32(), Is.EqualTo(1), "one charge");
        foreach (var click in clicks)
        {
            click.Dispose();
        }
    }

    [Test]
    public async Task A_confirm_after_the_reservation_ended_is_refused_and_a_payment_Toss_approved_is_cancelled(CancellationToken cancellationToken)
    {
        var (app, buyer, order, redirect) = await PaidInWindowAsync(9_000, cancellationToken);
        await Market.ExpireReservationAsync(app, order.OrderId, cancellationToken);
        // Toss approves after the reservation ended (an attempt that reached Toss late, its answer lost).
        await TossDirect.ConfirmAsync(app, redirect, cancellationToken);

        using var late = await Market.ConfirmAsync(buyer, redirect, cancellationToken);

        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await late.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("detail").GetString(), Does.Contain("ended"));
        Assert.That((await Market.OrderStateAsync(buyer, order.OrderId, cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("expired"));
        // Our confirm, Toss's webhook or the reconciler, whichever sees it first, gives the approved payment back.
        await Eventually.HoldsAsync("the approved payment cancelled at Toss", async () =>
            (await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken)).GetProperty("status").GetString() == "CANCELED", cancellationToken);
    }

    [Test]
    public async Task A_card_refusal_comes_back_as_problem_json_with_the_Toss_code_and_the_order_can_be_paid_again(CancellationToken cancellationToken)
    {
        var (app, buyer, order, redirect) = await PaidInWindowAsync(7_000, cancellationToken);
        await Market.SimulatorPostAsync(app, "/simulator/faults", new { orderId = order.TossOrderId, fault = "reject", code = "REJECT_CARD_PAYMENT", count = 1 }, cancellationToken);

        using var refused = await Market.ConfirmAsync(buyer, redirect, cancellationToken);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired));
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.That(problem.GetProperty("tossCode").GetString(), Is.EqualTo("REJECT_CARD_PAYMENT"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("another card"));
        Assert.That((await Market.OrderStateAsync(buyer, order.OrderId, cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("pending"));

        var again = await Market.PayInWindowAsync(order, cancellationToken);
        using var paid = await Market.ConfirmAsync(buyer, again, cancellationToken);
        await GatewayClient.EnsureAsync(paid, HttpStatusCode.OK, cancellationToken);
    }

    [Test]
    public async Task When_Tosss_answer_is_lost_the_order_waits_confirming_and_the_reconciler_makes_it_paid_exactly_once(CancellationToken cancellationToken)
    {
        var (app, buyer, order, redirect) = await PaidInWindowAsync(11_000, cancellationToken);
        await Market.SimulatorPostAsync(app, "/simulator/faults", new { orderId = order.TossOrderId, fault = "drop-response" }, cancellationToken);

        using var unanswered = await Market.ConfirmAsync(buyer, redirect, cancellationToken);

        Assert.That(unanswered.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await unanswered.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("status").GetString(), Is.EqualTo("confirming"));
        await Market.WaitForOrderAsync(buyer, order.OrderId, "paid", cancellationToken);
        var toss = await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken);
        Assert.That(toss.GetProperty("approvals").GetInt32(), Is.EqualTo(1));
        await Eventually.HoldsAsync("the item in the buyer's closet", async () =>
            (await buyer.Client.GetAsync($"/api/v1/closet/items/{(await Market.OrderStateAsync(buyer, order.OrderId, cancellationToken)).GetProperty("itemId").GetGuid()}", cancellationToken)).IsSuccessStatusCode,
            cancellationToken);
    }

    [Test]
    public async Task When_the_confirm_never_reached_Toss_the_reconciler_returns_the_order_to_pending(CancellationToken cancellationToken)
    {
        var (app, buyer, order, redirect) = await PaidInWindowAsync(11_000, cancellationToken);
        await Market.SimulatorPostAsync(app, "/simulator/faults", new { orderId = order.TossOrderId, fault = "drop-request" }, cancellationToken);

        using var unanswered = await Market.ConfirmAsync(buyer, redirect, cancellationToken);

        Assert.That(unanswered.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await Market.WaitForOrderAsync(buyer, order.OrderId, "pending", cancellationToken);
        var toss = await Market.SimulatorOrderAsync(app, order.TossOrderId, cancellationToken);
        Assert.That(toss.GetProperty("approvals").GetInt32(), Is.Zero);
    }

    private static async Task<(DistributedApplication App, GatewayClient.Account Buyer, Market.PlacedOrder Order, Market.Redirect Redirect)> PaidInWindowAsync(
        long price, CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var seller = await GatewayClient.SignUpAsync(app, cancellationToken);
        var buyer = await GatewayClient.SignUpAsync(app, cancellationToken);
        var listed = await Market.ListReadyItemAsync(seller, price, cancellationToken);
        var order = await Market.OrderAsync(buyer, listed.ListingId, cancellationToken);
        return (app, buyer, order, await Market.PayInWindowAsync(order, cancellationToken));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosetConnect.IntegrationTests.Closet;
using ClosetConnect.IntegrationTests.EndToEnd;
using ClosetConnect.IntegrationTests.InProcess;
using ClosetConnect.Payments.Data;

namespace ClosetConnect.IntegrationTests.Payments.Api;

/// <summary>
/// Payments' endpoint rules asked of the service in process: request validation, who may see and change an order,
/// and what Toss's webhook endpoint accepts. The order the tests read is a row in Payments' own database (a pending
/// order of 20,000 KRW between a buyer and a seller), so no listing, photo analysis or payment window is needed.
/// </summary>
[CancelAfter(120_000)]
public sealed class PaymentsEndpointRulesTests
{
    private const string Orders = "/api/v1/payments/orders";
    private const long OrderAmount = 20_000;

    private InProcessService<PaymentsDbContext> payments = null!;
    private HttpClient anonymous = null!;
    private HttpClient buyer = null!;
    private HttpClient seller = null!;
    private HttpClient stranger = null!;
    private Guid orderId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var app = await SharedAppHost.GetAsync(CancellationToken.None);
        payments = await InProcessService<PaymentsDbContext>.StartAsync("payments-api", CancellationToken.None);
        anonymous = payments.CreateClient();
        var buyerAccount = await GatewayClient.SignUpAsync(app, CancellationToken.None);
        var sellerAccount = await GatewayClient.SignUpAsync(app, CancellationToken.None);
        buyer = payments.CreateClient(buyerAccount);
        seller = payments.CreateClient(sellerAccount);
        stranger = payments.CreateClient(await GatewayClient.SignUpAsync(app, CancellationToken.None));
        orderId = Guid.NewGuid();
        await ServiceDatabase.ScalarAsync(app, "paymentsdb",
            "INSERT INTO Orders (Id, ListingId, ItemId, BuyerId, SellerId, Amount, Currency, OrderName, Status, ExpiresAt, CreatedAt, UpdatedAt) " +
            "VALUES (@id, UUID(), UUID(), @buyer, @seller, @amount, 'KRW', 'Test order', 'Pending', UTC_TIMESTAMP(6) + INTERVAL 1 HOUR, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
            new Dictionary<string, object>
            {
                ["@id"] = orderId.ToString(),
                ["@buyer"] = buyerAccount.UserId.ToString(),
                ["@seller"] = sellerAccount.UserId.ToString(),
                ["@amount"] = OrderAmount,
            },
            CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        anonymous.Dispose();
        buyer.Dispose();
        seller.Dispose();
        stranger.Dispose();
        await payments.DisposeAsync();
    }

    [Test]
    public async Task The_order_list_without_a_token_is_a_401_problem_asking_for_one(CancellationToken cancellationToken)
    {
        using var response = await anonymous.GetAsync(new Uri(Orders, UriKind.Relative), cancellationToken);

        await Problem.AssertBearerChallengeAsync(response, cancellationToken);
    }

    [Test]
    public async Task An_order_without_a_listing_and_with_unusable_return_urls_names_each_field(CancellationToken cancellationToken)
    {
        using var response = await buyer.PostAsJsonAsync(Orders,
            new { successUrl = "javascript:alert(1)", failUrl = "https://shop.example/back#fragment" }, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EquivalentTo(new[] { "listingId", "successUrl", "failUrl" }));
    }

    [Test]
    public async Task A_confirm_with_nothing_from_the_redirect_names_each_field(CancellationToken cancellationToken)
    {
        using var response = await buyer.PostAsJsonAsync("/api/v1/payments/confirm", new { }, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EquivalentTo(new[] { "paymentKey", "orderId", "amount" }));
    }

    [Test]
    public async Task An_Idempotency_Key_over_300_characters_is_refused_naming_it(CancellationToken cancellationToken)
    {
        using var request = Confirm(OrderAmount);
        request.Headers.Add("Idempotency-Key", new string('k', 301));

        using var response = await buyer.SendAsync(request, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EqualTo(new[] { "Idempotency-Key" }));
    }

    [Test]
    public async Task A_confirm_for_another_amount_than_the_orders_is_refused_stating_both(CancellationToken cancellationToken)
    {
        using var request = Confirm(1_000);

        using var response = await buyer.SendAsync(request, cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.BadRequest, cancellationToken),
            Is.EqualTo($"The amount 1000 is not this order's amount ({OrderAmount} KRW); nothing was charged."));
        var order = await buyer.GetFromJsonAsync<JsonElement>(new Uri($"{Orders}/{orderId}", UriKind.Relative), cancellationToken);
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("pending"));
    }

    [Test]
    public async Task Both_parties_read_the_order(CancellationToken cancellationToken)
    {
        foreach (var party in new[] { buyer, seller })
        {
            var order = await party.GetFromJsonAsync<JsonElement>(new Uri($"{Orders}/{orderId}", UriKind.Relative), cancellationToken);
            Assert.That(order.GetProperty("amount").GetInt64(), Is.EqualTo(OrderAmount));
        }
    }

    [Test]
    public async Task Another_users_order_is_404_to_read_confirm_cancel_and_refund(CancellationToken cancellationToken)
    {
        using var read = await stranger.GetAsync(new Uri($"{Orders}/{orderId}", UriKind.Relative), cancellationToken);
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "read");

        using var confirm = await stranger.SendAsync(Confirm(OrderAmount), cancellationToken);
        Assert.That(await Problem.DetailAsync(confirm, HttpStatusCode.NotFound, cancellationToken), Is.EqualTo("You have no order with this id."), "confirm");

        using var cancel = await stranger.PostAsync(new Uri($"{Orders}/{orderId}/cancel", UriKind.Relative), content: null, cancellationToken);
        Assert.That(await Problem.DetailAsync(cancel, HttpStatusCode.NotFound, cancellationToken), Is.EqualTo("You have no such order."), "cancel");

        using var refund = await stranger.PostAsJsonAsync($"{Orders}/{orderId}/refund", new { reason = "mine" }, cancellationToken);
        Assert.That(await Problem.DetailAsync(refund, HttpStatusCode.NotFound, cancellationToken), Is.EqualTo("You sold no order with this id."), "refund");
    }

    [Test]
    public async Task The_buyer_cannot_refund_an_order_only_its_seller_can(CancellationToken cancellationToken)
    {
        using var response = await buyer.PostAsJsonAsync($"{Orders}/{orderId}/refund", new { reason = "changed my mind" }, cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.NotFound, cancellationToken), Is.EqualTo("You sold no order with this id."));
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task A_refund_without_a_reason_is_refused_saying_so(string reason, CancellationToken cancellationToken)
    {
        using var response = await seller.PostAsJsonAsync($"{Orders}/{orderId}/refund", new { reason }, cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.BadRequest, cancellationToken), Is.EqualTo("Give the buyer a reason for the refund (1–200 characters)."));
    }

    [TestCase("[]")]
    [TestCase("{}")]
    [TestCase("{\"eventType\": 42}")]
    public async Task A_webhook_without_an_event_type_is_a_400_problem(string body, CancellationToken cancellationToken)
    {
        using var response = await PostWebhookAsync(body, cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.BadRequest, cancellationToken), Is.EqualTo("The body has no eventType."));
    }

    [TestCase("{\"eventType\": \"PAYMENT_STATUS_CHANGED\"}")]
    [TestCase("{\"eventType\": \"PAYMENT_STATUS_CHANGED\", \"data\": {\"orderId\": \"x\"}}")]
    [TestCase("{\"eventType\": \"PAYMENT_STATUS_CHANGED\", \"data\": {\"paymentKey\": \"x\", \"orderId\": 7}}")]
    public async Task A_payment_status_webhook_without_its_payment_and_order_is_a_400_problem(string body, CancellationToken cancellationToken)
    {
        using var response = await PostWebhookAsync(body, cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.BadRequest, cancellationToken), Is.EqualTo("PAYMENT_STATUS_CHANGED needs data.paymentKey and data.orderId."));
    }

    [Test]
    public async Task A_webhook_of_another_event_type_is_acknowledged(CancellationToken cancellationToken)
    {
        using var response = await PostWebhookAsync("{\"eventType\": \"DEPOSIT_CALLBACK\", \"data\": {}}", cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Toss retries anything but 200");
    }

    [Test]
    public async Task A_webhook_that_is_not_json_is_a_400_problem(CancellationToken cancellationToken)
    {
        using var response = await PostWebhookAsync("{", cancellationToken);

        await Problem.ReadAsync(response, HttpStatusCode.BadRequest, cancellationToken);
    }

    /// <summary>A confirm of the test's order, as the successUrl's query would give it.</summary>
    private HttpRequestMessage Confirm(long amount) =>
        new(HttpMethod.Post, "/api/v1/payments/confirm")
        {
            Content = JsonContent.Create(new { paymentKey = $"pk-{Guid.NewGuid():N}", orderId = orderId.ToString(), amount }),
        };

    private Task<HttpResponseMessage> PostWebhookAsync(string body, CancellationToken cancellationToken) =>
        anonymous.PostAsync(new Uri("/api/v1/payments/webhooks/toss", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
}

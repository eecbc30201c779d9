using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>Drives the simulator the way a browser and a merchant server would: the window over forms, the API over JSON.</summary>
public sealed class TossTestClient(HttpClient http) : IDisposable
{
    public const string SuccessUrl = "https://shop.test/pay/success?from=test";
    public const string FailUrl = "https://shop.test/pay/fail";

    public HttpClient Http { get; } = http;

    public static string NewOrderId() => "order-" + Guid.NewGuid().ToString("N")[..20];

    public static AuthenticationHeaderValue Basic(string credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

    public Task<HttpResponseMessage> OpenWindowAsync(string orderId, long amount, string orderName = "토스 티셔츠 외 2건", string clientKey = SimulatorFactory.ClientKey) =>
        Http.GetAsync(QueryHelpers.AddQueryString("/checkout", new Dictionary<string, string?>
        {
            ["clientKey"] = clientKey,
            ["customerKey"] = "customer-1",
            ["orderId"] = orderId,
            ["orderName"] = orderName,
            ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["successUrl"] = SuccessUrl,
            ["failUrl"] = FailUrl,
        }));

    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    /// <summary>Opens the window and pays: the paymentKey successUrl receives (the payment is IN_PROGRESS).</summary>
    public async Task<string> AuthenticateAsync(string orderId, long amount)
    {
        using var window = await OpenWindowAsync(orderId, amount);
        Assert.That(window.StatusCode, Is.EqualTo(HttpStatusCode.OK), await window.Content.ReadAsStringAsync());
        using var approved = await PostFormAsync("/checkout/approve", ("orderId", orderId), ("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var query = QueryHelpers.ParseQuery(approved.Headers.Location!.Query);
        return query["paymentKey"].ToString();
    }

    /// <summary>A DONE payment of <paramref name="amount"/>: its paymentKey.</summary>
    public async Task<string> PaidAsync(string orderId, long amount)
    {
        var paymentKey = await AuthenticateAsync(orderId, amount);
        using var confirmed = await ConfirmAsync(paymentKey, orderId, amount);
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());
        return paymentKey;
    }

    public Task<HttpResponseMessage> ConfirmAsync(string paymentKey, string orderId, object amount, string? idempotencyKey = null, string? testCode = null) =>
        PostJsonAsync("/v1/payments/confirm", new { paymentKey, orderId, amount }, idempotencyKey, testCode);

    public Task<HttpResponseMessage> CancelAsync(string paymentKey, object body, string? idempotencyKey = null) =>
        PostJsonAsync($"/v1/payments/{paymentKey}/cancel", body, idempotencyKey);

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? idempotencyKey = null, string? testCode = null,
        string secretKey = SimulatorFactory.SecretKey, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = Basic(secretKey + ":");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (testCode is not null)
        {
            request.Headers.Add("TossPayments-Test-Code", testCode);
        }
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? language = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = Basic(SimulatorFactory.SecretKey + ":");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return Http.SendAsync(request);
    }

    public async Task<JsonElement> GetPaymentAsync(string paymentKey)
    {
        using var response = await GetAsync($"/v1/payments/{paymentKey}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    /// <summary>The control API's view of an order (approvals, cancels, webhooks).</summary>
    public async Task<JsonElement> ReportAsync(string orderId)
    {
        using var response = await Http.GetAsync($"/simulator/orders/{orderId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await JsonOf(response);
    }

    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var response = await Http.PostAsJsonAsync("/simulator/clock", new { advanceSeconds = by.TotalSeconds });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts a Toss error: the HTTP status, the code, a message, and the trace id header.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Headers.Contains("X-TossPayments-Trace-Id"), Is.True, "every response carries X-TossPayments-Trace-Id");
        });
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("code").GetString(), Is.EqualTo(code), body);
            Assert.That(json.GetProperty("message").GetString(), Is.Not.Empty);
        });
    }

    public void Dispose() => Http.Dispose();
}

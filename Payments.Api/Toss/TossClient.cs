using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClosetConnect.Payments.Toss;

/// <summary>
/// The Toss Payments core API (<c>/v1/payments</c>): confirm, look up by payment key or order id, cancel. Every POST
/// carries an <c>Idempotency-Key</c> derived from what it does, so a retry (ours or the resilience handler's) is the
/// same request and Toss acts at most once.
/// </summary>
public sealed class TossClient(HttpClient http)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<TossPayment> ConfirmAsync(string paymentKey, string orderId, long amount, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/payments/confirm", new { paymentKey, orderId, amount }, IdempotencyKey("confirm", orderId, paymentKey), cancellationToken);

    public Task<TossPayment> GetAsync(string paymentKey, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v1/payments/{Uri.EscapeDataString(paymentKey)}", body: null, idempotencyKey: null, cancellationToken);

    public Task<TossPayment> GetByOrderIdAsync(string orderId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v1/payments/orders/{Uri.EscapeDataString(orderId)}", body: null, idempotencyKey: null, cancellationToken);

    /// <summary>Cancels the whole remaining balance.</summary>
    public Task<TossPayment> CancelAsync(string paymentKey, string cancelReason, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v1/payments/{Uri.EscapeDataString(paymentKey)}/cancel",
            new { cancelReason = cancelReason.Length > 200 ? cancelReason[..200] : cancelReason },
            IdempotencyKey("cancel", paymentKey), cancellationToken);

    /// <summary>Same operation on the same payment, same key: Toss replays its first answer instead of acting twice.</summary>
    internal static string IdempotencyKey(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));

    private async Task<TossPayment> SendAsync(HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TossUnavailableException($"Toss did not answer {method} /{path}: {exception.Message}", exception);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<TossPayment>(Json, cancellationToken)
                    ?? throw new TossUnavailableException($"Toss answered {method} /{path} with an empty body.");
            }

            var error = await ReadErrorAsync(response, cancellationToken);
            // 409 IDEMPOTENT_REQUEST_PROCESSING after every retry: the first attempt is still running at Toss, its outcome unknown.
            if (response.StatusCode >= HttpStatusCode.InternalServerError || error is null || error.Code == "IDEMPOTENT_REQUEST_PROCESSING")
            {
                throw new TossUnavailableException($"Toss failed {method} /{path} with {(int)response.StatusCode} {error?.Code}.");
            }

            throw new TossRejectedException((int)response.StatusCode, error);
        }
    }

    private static async Task<TossError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TossError>(Json, cancellationToken) is { Code.Length: > 0 } error ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ClosetConnect.Payments.Toss;

public static class TossClientExtensions
{
    /// <summary>
    /// The typed <see cref="TossClient"/>: Basic auth with the secret key as user name (and Toss's required trailing
    /// colon), the standard resilience handler tuned for payments: a request is retried only when it cannot act twice
    /// (a GET, or a POST with its Idempotency-Key).
    /// </summary>
    public static IHostApplicationBuilder AddTossClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<TossOptions>(TossOptions.SectionName);
        builder.Services.RequireSecret("Toss:SecretKey");

        var toss = builder.Configuration.GetSection(TossOptions.SectionName).Get<TossOptions>() ?? new TossOptions();
        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the default handler.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<TossClient>((services, http) =>
            {
                var options = services.GetRequiredService<IOptions<TossOptions>>().Value;
                http.BaseAddress = options.BaseAddress;
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(options.SecretKey + ":")));
                // The resilience handler's total timeout governs; HttpClient's own 100 s would only hide it.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = toss.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = toss.TotalTimeout;
                resilience.CircuitBreaker.SamplingDuration = toss.AttemptTimeout * 2;
                resilience.Retry.MaxRetryAttempts = 3;
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
                    IsReplayable(args.Context.GetRequestMessage())
                    // 409 IDEMPOTENT_REQUEST_PROCESSING: the first request with this key is still running at Toss.
                    && (HttpClientResiliencePredicates.IsTransient(args.Outcome) || args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.Conflict));
            });
#pragma warning restore EXTEXP0001
        return builder;
    }

    private static bool IsReplayable(HttpRequestMessage? request) =>
        request is not null && (request.Method == HttpMethod.Get || request.Headers.Contains(TossClient.IdempotencyKeyHeader));
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ClosetConnect.Identity.Gdpr;
using Polly.Timeout;

namespace ClosetConnect.Identity.Infrastructure.Http;

/// <summary>
/// Reads what another service holds about a user from its internal export endpoint
/// (<c>GET /internal/users/{id}/export</c>), through service discovery and the default resilience handler. The
/// caller's own access token is forwarded: the service checks it names the same user, so no shared secret is needed.
/// </summary>
internal sealed class ServiceDataClient(IHttpClientFactory httpClients) : IServiceDataExports
{
    public const string ClosetService = "closet-api";
    public const string PaymentsService = "payments-api";

    public Task<JsonElement> GetClosetDataAsync(Guid userId, string accessToken, CancellationToken cancellationToken) =>
        GetExportAsync(ClosetService, userId, accessToken, cancellationToken);

    public Task<JsonElement> GetPaymentsDataAsync(Guid userId, string accessToken, CancellationToken cancellationToken) =>
        GetExportAsync(PaymentsService, userId, accessToken, cancellationToken);

    private async Task<JsonElement> GetExportAsync(string service, Guid userId, string accessToken, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(service);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/users/{userId}/export");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ServiceDataUnavailableException(service, $"status {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}");
            }

            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new ServiceDataUnavailableException(service, ex.Message, ex);
        }
    }
}

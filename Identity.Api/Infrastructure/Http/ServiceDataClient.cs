using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClosetConnect.Identity.Infrastructure.Export;

/// <summary>
/// Reads what another service holds about a user from its internal export endpoint
/// (<c>GET /internal/users/{id}/export</c>), through service discovery and the default resilience handler. The
/// caller's own access token is forwarded: the service checks it names the same user, so no shared secret is needed.
/// </summary>
public sealed class ServiceDataClient(IHttpClientFactory httpClients)
{
    public const string ClosetService = "closet-api";
    public const string PaymentsService = "payments-api";

    public async Task<JsonElement> GetExportAsync(string service, Guid userId, string accessToken, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(service);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/users/{userId}/export");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ServiceDataUnavailableException(service, (int)response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}

public sealed class ServiceDataUnavailableException(string service, int? statusCode)
    : Exception($"{service} did not return its export (status {statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).")
{
    public string Service { get; } = service;
}

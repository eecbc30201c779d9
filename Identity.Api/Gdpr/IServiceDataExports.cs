using System.Text.Json;

namespace ClosetConnect.Identity.Gdpr;

/// <summary>What the other services hold about a user, each read from its own internal export endpoint.</summary>
public interface IServiceDataExports
{
    /// <exception cref="ServiceDataUnavailableException">Closet did not answer with its export.</exception>
    Task<JsonElement> GetClosetDataAsync(Guid userId, string accessToken, CancellationToken cancellationToken);

    /// <exception cref="ServiceDataUnavailableException">Payments did not answer with its export.</exception>
    Task<JsonElement> GetPaymentsDataAsync(Guid userId, string accessToken, CancellationToken cancellationToken);
}

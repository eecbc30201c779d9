using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace ClosetConnect.AppHost.Hosting.MariaDb;

/// <summary>Healthy when the connection string's user logs in and <c>SELECT 1</c> answers.</summary>
internal sealed class MariaDbLoginHealthCheck(Func<string?> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connectionString() is not { } value)
        {
            return HealthCheckResult.Unhealthy("The connection string is not available yet.");
        }
        var builder = new MySqlConnectionStringBuilder(value) { Pooling = false, ConnectionTimeout = 2 };
        try
        {
            await using var connection = new MySqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (MySqlException ex)
        {
            return HealthCheckResult.Unhealthy($"{builder.UserID} cannot log in yet: {ex.Message}", ex);
        }
    }
}

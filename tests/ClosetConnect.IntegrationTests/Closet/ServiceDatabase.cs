using MySqlConnector;

namespace ClosetConnect.IntegrationTests.Closet;

/// <summary>Reads a service's own database on the running system, as that service stores its rows.</summary>
public static class ServiceDatabase
{
    public static async Task<object?> ScalarAsync(
        DistributedApplication app, string database, string sql, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(await app.GetConnectionStringAsync(database, cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task<long> CountAsync(
        DistributedApplication app, string database, string sql, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync(app, database, sql, parameters, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
}

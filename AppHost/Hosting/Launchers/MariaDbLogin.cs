using MySqlConnector;

namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>The MariaDB readiness check: log in with the given credentials and run <c>SELECT 1</c>.</summary>
internal static class MariaDbLogin
{
    public static async Task<bool> CanLogInAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString) { Pooling = false, ConnectionTimeout = 2 };
        try
        {
            await using var connection = new MySqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (MySqlException)
        {
            return false;
        }
    }
}

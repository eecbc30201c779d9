using System.Globalization;
using System.Text;

namespace ClosetConnect.AppHost.Hosting.MariaDb;

/// <summary>
/// The server's <c>--init-file</c>: one statement per line (MariaDB reads it line by line), idempotent, so every
/// start converges to the model and to the current passwords. Anonymous users go (they would match any user name
/// from localhost); root over TCP gets the generated password; each database gets one user with rights on it only.
/// </summary>
internal static class MariaDbInitScript
{
    public static string Create(string rootPassword, IEnumerable<(MariaDbDatabaseResource Database, string Password)> databases)
    {
        var sql = new StringBuilder();
        sql.AppendLine("DELETE FROM mysql.global_priv WHERE User='';");
        sql.AppendLine("FLUSH PRIVILEGES;");
        AppendUser(sql, "root", "127.0.0.1", rootPassword);
        sql.AppendLine("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;");
        foreach (var (database, password) in databases)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"CREATE DATABASE IF NOT EXISTS `{database.DatabaseName}`;");
            AppendUser(sql, database.UserName, "%", password);
            sql.AppendLine(CultureInfo.InvariantCulture, $"GRANT ALL PRIVILEGES ON `{database.DatabaseName}`.* TO '{database.UserName}'@'%';");
        }
        return sql.ToString();
    }

    private static void AppendUser(StringBuilder sql, string user, string host, string password)
    {
        // Generated passwords are letters and digits, and names are validated identifiers; quotes are escaped anyway
        // for a password set by hand.
        var quoted = password.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        sql.AppendLine(CultureInfo.InvariantCulture, $"CREATE USER IF NOT EXISTS '{user}'@'{host}' IDENTIFIED BY '{quoted}';");
        sql.AppendLine(CultureInfo.InvariantCulture, $"ALTER USER '{user}'@'{host}' IDENTIFIED BY '{quoted}';");
    }
}

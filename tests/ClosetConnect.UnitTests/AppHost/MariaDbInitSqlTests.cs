using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Launchers;

namespace ClosetConnect.UnitTests.AppHost;

public sealed class MariaDbInitSqlTests
{
    [Test]
    public void Each_database_gets_one_user_with_rights_on_that_database_only()
    {
        var server = new MariaDbServerResource("mariadb");
        server.RootPassword.Value = "RootSecret";
        foreach (var name in new[] { "identitydb", "closetdb" })
        {
            var database = new MariaDbDatabaseResource(name, name, server);
            database.Password.Value = $"{name}Secret";
            server.AddDatabase(database);
        }

        var sql = new MariaDbServerLauncher(server, context: null!).InitSql().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(sql, Has.Member("CREATE DATABASE IF NOT EXISTS `identitydb`;"));
        Assert.That(sql, Has.Member("ALTER USER 'identitydb_user'@'%' IDENTIFIED BY 'identitydbSecret';"));
        Assert.That(sql.Where(line => line.Contains("identitydb_user", StringComparison.Ordinal) && line.StartsWith("GRANT", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "GRANT ALL PRIVILEGES ON `identitydb`.* TO 'identitydb_user'@'%';" }));
        Assert.That(sql, Has.Member("DELETE FROM mysql.global_priv WHERE User='';"), "anonymous users would shadow service users");
        Assert.That(sql.Where(line => line.Contains("*.*", StringComparison.Ordinal)), Has.All.Contains("'root'@'127.0.0.1'"));
    }
}

using ClosetConnect.AppHost.Hosting.MariaDb;

namespace ClosetConnect.AppHost.Tests.Model;

public sealed class MariaDbInitScriptTests
{
    [Test]
    public void Each_database_gets_one_user_with_rights_on_that_database_only()
    {
        var server = new MariaDbServerResource("mariadb", "mariadbd", "/tmp/data", new ParameterResource("mariadb-password", _ => "RootSecret"));
        var databases = new[] { "identitydb", "closetdb" }
            .Select(name => (new MariaDbDatabaseResource(name, name, server, new ParameterResource($"{name}-password", _ => "x")), $"{name}Secret"));

        var sql = MariaDbInitScript.Create("RootSecret", databases).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(sql, Has.Member("CREATE DATABASE IF NOT EXISTS `identitydb`;"));
        Assert.That(sql, Has.Member("ALTER USER 'identitydb_user'@'%' IDENTIFIED BY 'identitydbSecret';"));
        Assert.That(sql.Where(line => line.Contains("identitydb_user", StringComparison.Ordinal) && line.StartsWith("GRANT", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "GRANT ALL PRIVILEGES ON `identitydb`.* TO 'identitydb_user'@'%';" }));
        Assert.That(sql, Has.Member("DELETE FROM mysql.global_priv WHERE User='';"), "anonymous users would shadow service users");
        Assert.That(sql.Where(line => line.Contains("*.*", StringComparison.Ordinal)), Has.All.Contains("'root'@'127.0.0.1'"));
    }

    [Test]
    public void A_quote_in_a_password_set_by_hand_cannot_end_the_string()
    {
        var sql = MariaDbInitScript.Create("it's", []);

        Assert.That(sql, Does.Contain("IDENTIFIED BY 'it\\'s';"));
    }

    [Test]
    public void Database_names_that_would_need_quoting_are_refused()
    {
        var server = new MariaDbServerResource("mariadb", "mariadbd", "/tmp/data", new ParameterResource("p", _ => "x"));

        Assert.Throws<ArgumentException>(() => _ = new MariaDbDatabaseResource("bad", "bad`db", server, new ParameterResource("q", _ => "x")));
    }
}

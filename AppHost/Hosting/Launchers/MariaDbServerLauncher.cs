using System.Globalization;
using System.Text;
using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Orchestration;
using MySqlConnector;

namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>
/// Runs <c>mariadbd</c> on a private data directory, socket and port. Users and databases come from an init file
/// of idempotent SQL that the server runs before it accepts connections, so every start converges to the model
/// (and to the passwords in parameters.json) without a second connection as root.
/// </summary>
internal sealed class MariaDbServerLauncher(MariaDbServerResource server, LauncherContext context) : IResourceLauncher
{
    private const string InstallHint = "apt-get install mariadb-server";
    private const int MaxSocketPathLength = 100;

    public bool RestartOnCrash => false;

    private string DataDirectory => context.State.DataDirectory(server.Name);

    private string InitFile => Path.Combine(context.State.RunDirectory, $"{server.Name}-init.sql");

    public async Task<ChildProcessSpec?> PrepareAsync(CancellationToken cancellationToken)
    {
        var log = context.Logs.For(server.Name);
        var user = Environment.UserName;
        if (!Directory.Exists(Path.Combine(DataDirectory, "mysql")))
        {
            log.WriteNotice($"Initialising a new data directory in {DataDirectory}");
            var install = new ChildProcessSpec(
                Executables.Find("mariadb-install-db", InstallHint),
                ["--no-defaults", $"--datadir={DataDirectory}", $"--user={user}", "--skip-test-db", "--auth-root-authentication-method=socket"],
                DataDirectory,
                new Dictionary<string, string>());
            var exitCode = await ChildProcess.RunToCompletionAsync(install, log, context.Time, cancellationToken);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException($"mariadb-install-db exited with {exitCode}; see {context.State.LogFile(server.Name)}.");
            }
        }

        await OwnerOnlyFile.WriteAllTextAsync(InitFile, InitSql(), cancellationToken);

        return new ChildProcessSpec(
            Executables.Find("mariadbd", InstallHint),
            [
                "--no-defaults",
                $"--datadir={DataDirectory}",
                $"--socket={SocketPath()}",
                $"--pid-file={Path.Combine(context.State.RunDirectory, $"{server.Name}.pid")}",
                string.Create(CultureInfo.InvariantCulture, $"--port={server.PrimaryEndpoint.RequiredPort}"),
                $"--bind-address={EndpointAnnotation.Host}",
                "--skip-name-resolve",
                $"--user={user}",
                $"--init-file={InitFile}",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
            ],
            DataDirectory,
            new Dictionary<string, string>());
    }

    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken) =>
        await MariaDbLogin.CanLogInAsync(server.GetConnectionString(), cancellationToken);

    public Task OnHealthyAsync(CancellationToken cancellationToken)
    {
        // The init file holds passwords and has done its work.
        File.Delete(InitFile);
        return Task.CompletedTask;
    }

    /// <summary>
    /// One statement per line (the init file is read line by line). Anonymous users go: they would match any user
    /// name from localhost. root over TCP gets the generated password; each database gets one user with rights on
    /// that database only.
    /// </summary>
    internal string InitSql()
    {
        var sql = new StringBuilder();
        sql.AppendLine("DELETE FROM mysql.global_priv WHERE User='';");
        sql.AppendLine("FLUSH PRIVILEGES;");
        AppendUser(sql, "root", "127.0.0.1", server.RootPassword.RequiredValue);
        sql.AppendLine("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;");
        foreach (var database in server.Databases)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"CREATE DATABASE IF NOT EXISTS `{database.DatabaseName}`;");
            AppendUser(sql, database.UserName, "%", database.Password.RequiredValue);
            sql.AppendLine(CultureInfo.InvariantCulture, $"GRANT ALL PRIVILEGES ON `{database.DatabaseName}`.* TO '{database.UserName}'@'%';");
        }
        return sql.ToString();
    }

    private static void AppendUser(StringBuilder sql, string user, string host, string password)
    {
        // Generated passwords are letters and digits, and names are validated identifiers: no quoting to escape.
        sql.AppendLine(CultureInfo.InvariantCulture, $"CREATE USER IF NOT EXISTS '{user}'@'{host}' IDENTIFIED BY '{password}';");
        sql.AppendLine(CultureInfo.InvariantCulture, $"ALTER USER '{user}'@'{host}' IDENTIFIED BY '{password}';");
    }

    private string SocketPath()
    {
        var socket = Path.Combine(context.State.RunDirectory, $"{server.Name}.sock");
        // A Unix socket path has a hard length limit; a deep state directory falls back to /tmp.
        return socket.Length <= MaxSocketPathLength
            ? socket
            : Path.Combine(Path.GetTempPath(), $"closetconnect-{server.Name}-{server.PrimaryEndpoint.RequiredPort}.sock");
    }
}

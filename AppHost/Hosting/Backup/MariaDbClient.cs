using System.Diagnostics;
using System.Globalization;
using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Launchers;

namespace ClosetConnect.AppHost.Hosting.Backup;

/// <summary>
/// <c>mariadb-dump</c> and <c>mariadb</c> as root over TCP; the password travels in <c>MYSQL_PWD</c>, not on the
/// command line where <c>ps</c> would show it.
/// </summary>
internal sealed class MariaDbClient(MariaDbServerResource server)
{
    private const string InstallHint = "apt-get install mariadb-client";

    /// <summary>A consistent snapshot of one database without locking it (<c>--single-transaction</c>, InnoDB).</summary>
    public Task DumpAsync(MariaDbDatabaseResource database, string resultFile, CancellationToken cancellationToken) =>
        RunAsync("mariadb-dump",
            [
                "--single-transaction", "--routines", "--triggers", "--hex-blob", "--default-character-set=utf8mb4",
                $"--result-file={resultFile}", "--databases", database.DatabaseName,
            ],
            standardInput: null, cancellationToken);

    /// <summary>Drops the database and loads the dump, which creates it again; the database user's grants survive the drop.</summary>
    public async Task LoadAsync(MariaDbDatabaseResource database, string dumpFile, CancellationToken cancellationToken)
    {
        await RunAsync("mariadb", [$"--execute=DROP DATABASE IF EXISTS `{database.DatabaseName}`"], standardInput: null, cancellationToken);
        await RunAsync("mariadb", ["--binary-mode", "--default-character-set=utf8mb4"], dumpFile, cancellationToken);
    }

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executables.Find(tool, InstallHint))
        {
            RedirectStandardInput = standardInput is not null,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --no-defaults first: the machine's my.cnf must not change what is dumped or where it connects.
        foreach (var argument in (string[])
            [
                "--no-defaults", $"--host={EndpointAnnotation.Host}",
                string.Create(CultureInfo.InvariantCulture, $"--port={server.PrimaryEndpoint.RequiredPort}"), "--user=root", .. arguments,
            ])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["MYSQL_PWD"] = server.RootPassword.RequiredValue;

        using var process = Process.Start(start) ?? throw new DistributedApplicationException($"{tool} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await using (var input = File.OpenRead(standardInput))
            {
                await input.CopyToAsync(process.StandardInput.BaseStream, cancellationToken);
            }
            process.StandardInput.Close();
        }
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"{tool} exited with {process.ExitCode}: {(await errors).Trim()}");
        }
    }
}

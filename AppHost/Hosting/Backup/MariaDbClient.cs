using System.Diagnostics;
using ClosetConnect.AppHost.Hosting.MariaDb;
using ClosetConnect.AppHost.Hosting.Servers;

namespace ClosetConnect.AppHost.Hosting.Backup;

/// <summary>
/// <c>mariadb-dump</c> and <c>mariadb</c> over the server's Unix socket as the user who runs the AppHost (the
/// superuser <c>mariadb-install-db</c> created with socket authentication): no password on any command line.
/// </summary>
internal sealed class MariaDbClient(MariaDbServerResource server)
{
    private const string Package = "mariadb-client";

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
        var path = ServerBinary.Locate(tool);
        ServerBinary.EnsureInstalled(path, Package);
        // --no-defaults first: the machine's my.cnf must not change what is dumped or where it connects.
        var start = new ProcessStartInfo(path, ["--no-defaults", $"--socket={server.SocketPath}", $"--user={Environment.UserName}", .. arguments])
        {
            RedirectStandardInput = standardInput is not null,
            RedirectStandardError = true,
        };
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

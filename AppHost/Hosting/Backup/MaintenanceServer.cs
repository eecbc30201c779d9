using System.Diagnostics;
using System.Net.Sockets;
using ClosetConnect.AppHost.Hosting.MariaDb;
using ClosetConnect.AppHost.Hosting.Servers;

namespace ClosetConnect.AppHost.Hosting.Backup;

/// <summary>
/// The MariaDB server that a backup or restore works against: the running one when something answers on its socket
/// (an AppHost run), otherwise <c>mariadbd</c> started here for the job alone, with networking off, and stopped after.
/// </summary>
internal sealed class MaintenanceServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly MariaDbServerResource server;
    private readonly Process? process;

    private MaintenanceServer(MariaDbServerResource server, bool wasRunning, Process? process)
    {
        this.server = server;
        WasRunning = wasRunning;
        this.process = process;
    }

    /// <summary>True when an AppHost's server was already serving the data directory.</summary>
    public bool WasRunning { get; }

    public static async Task<MaintenanceServer> OpenAsync(MariaDbServerResource server, CancellationToken cancellationToken)
    {
        if (await AnswersAsync(server.SocketPath, cancellationToken))
        {
            return new MaintenanceServer(server, wasRunning: true, process: null);
        }
        ServerBinary.EnsureInstalled(server.Command, "mariadb-server");
        Directory.CreateDirectory(server.DataDirectory);
        if (!Directory.Exists(Path.Combine(server.DataDirectory, "mysql")))
        {
            await RunToEndAsync(ServerBinary.Locate("mariadb-install-db"),
                ["--no-defaults", $"--datadir={server.DataDirectory}", $"--user={Environment.UserName}", "--skip-test-db", "--auth-root-authentication-method=socket"],
                cancellationToken);
        }
        var process = Process.Start(new ProcessStartInfo(server.Command,
        [
            "--no-defaults", $"--datadir={server.DataDirectory}", $"--socket={server.SocketPath}",
            $"--pid-file={Path.Combine(server.DataDirectory, "mariadbd.pid")}", "--skip-networking", $"--user={Environment.UserName}",
            $"--log-error={ErrorLog(server)}",
        ]))!;
        var maintenance = new MaintenanceServer(server, wasRunning: false, process);
        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync(server.SocketPath, cancellationToken))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await maintenance.DisposeAsync();
                throw new DistributedApplicationException($"mariadbd did not start on {server.DataDirectory}; see {ErrorLog(server)}.");
            }
            await Task.Delay(100, cancellationToken);
        }
        return maintenance;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is null)
        {
            return;
        }
        if (!process.HasExited)
        {
            try
            {
                // A clean InnoDB shutdown.
                await RunToEndAsync(ServerBinary.Locate("mariadb-admin"),
                    ["--no-defaults", $"--socket={server.SocketPath}", $"--user={Environment.UserName}", "shutdown"], CancellationToken.None);
            }
            catch (DistributedApplicationException)
            {
                process.Kill();
            }
            await process.WaitForExitAsync(CancellationToken.None);
        }
        process.Dispose();
    }

    private static string ErrorLog(MariaDbServerResource server) => Path.Combine(server.DataDirectory, "maintenance.err");

    private static async Task<bool> AnswersAsync(string socketPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath))
        {
            return false;
        }
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunToEndAsync(string command, string[] arguments, CancellationToken cancellationToken)
    {
        ServerBinary.EnsureInstalled(command, "mariadb-server");
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"{Path.GetFileName(command)} exited with {process.ExitCode}: {(await errors).Trim()}");
        }
    }
}

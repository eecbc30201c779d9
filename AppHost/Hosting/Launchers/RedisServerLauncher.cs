using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Orchestration;

namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>Runs <c>redis-server</c> with a config file in its data folder: loopback only, a password, append-only persistence.</summary>
internal sealed class RedisServerLauncher(RedisResource redis, LauncherContext context) : IResourceLauncher
{
    public bool RestartOnCrash => false;

    private string DataDirectory => context.State.DataDirectory(redis.Name);

    public async Task<ChildProcessSpec?> PrepareAsync(CancellationToken cancellationToken)
    {
        var configFile = Path.Combine(DataDirectory, "redis.conf");
        await OwnerOnlyFile.WriteAllTextAsync(configFile, Config(), cancellationToken);
        return new ChildProcessSpec(
            Executables.Find("redis-server", "apt-get install redis-server"), [configFile], DataDirectory, new Dictionary<string, string>());
    }

    /// <summary>AUTH then PING over RESP; healthy on +OK and +PONG.</summary>
    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var client = new TcpClient();
            await client.ConnectAsync(EndpointAnnotation.Host, redis.PrimaryEndpoint.RequiredPort, timeout.Token);
            var stream = client.GetStream();
            var password = redis.Password.RequiredValue;
            var request = string.Create(CultureInfo.InvariantCulture,
                $"*2\r\n$4\r\nAUTH\r\n${password.Length}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            return await reader.ReadLineAsync(timeout.Token) == "+OK" && await reader.ReadLineAsync(timeout.Token) == "+PONG";
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private string Config() =>
        $"""
        port {redis.PrimaryEndpoint.RequiredPort.ToString(CultureInfo.InvariantCulture)}
        bind {EndpointAnnotation.Host}
        protected-mode yes
        daemonize no
        dir {DataDirectory}
        requirepass {redis.Password.RequiredValue}
        appendonly yes
        save 60 1
        logfile ""

        """;
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClosetConnect.AppHost.Hosting.Servers;

/// <summary>
/// Free TCP ports on 127.0.0.1 for endpoints that must not go through DCP's proxy (Erlang's epmd and distribution
/// ports, which RabbitMQ advertises to its own tools). They come from below the kernel's ephemeral range: a port from
/// that range can be taken as the source port of an outgoing connection before the server binds it.
/// </summary>
internal static class FreePorts
{
    private const int Lowest = 10_000;
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    // The fixed ports of a dev run and the servers' defaults.
    private static readonly HashSet<int> Reserved = [3306, 4369, 5672, 6379, 8080, 8090, 15672, 18888, 18889, 25672];

    public static int Next()
    {
        var below = EphemeralRangeStart();
        while (true)
        {
            var port = Random.Shared.Next(Lowest, below);
            if (Reserved.Contains(port))
            {
                continue;
            }
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                return port;
            }
            catch (SocketException)
            {
                // In use: try another.
            }
        }
    }

    /// <summary>The first port Linux hands out for outgoing connections (32768 unless tuned).</summary>
    private static int EphemeralRangeStart()
    {
        try
        {
            var first = File.ReadAllText(EphemeralRangeFile).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0];
            var start = int.Parse(first, CultureInfo.InvariantCulture);
            return start > Lowest + 1000 ? start : 32_768;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}

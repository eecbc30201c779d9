using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// Finds free TCP ports on 127.0.0.1 for servers and services. They are taken below the kernel's ephemeral range:
/// a port from that range can be grabbed as the source port of any outgoing connection in the seconds between
/// choosing it and the server binding it (RabbitMQ then dies with "address in use").
/// </summary>
internal static class PortAllocator
{
    private const int Lowest = 10_000;
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    // The fixed ports of a dev run and the servers' defaults: a test run never takes them.
    private static readonly HashSet<int> Reserved = [3306, 4369, 5672, 6379, 8080, 15672, 18888, 18889, 25672];

    /// <summary>Distinct free ports: every listener stays open until all are chosen, so none is handed out twice.</summary>
    public static IReadOnlyList<int> AllocateFreePorts(int count)
    {
        var below = EphemeralRangeStart();
        var listeners = new List<TcpListener>(count);
        try
        {
            while (listeners.Count < count)
            {
                var port = Random.Shared.Next(Lowest, below);
                if (Reserved.Contains(port) || listeners.Any(l => ((IPEndPoint)l.LocalEndpoint).Port == port))
                {
                    continue;
                }

                var listener = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    listener.Start();
                    listeners.Add(listener);
                }
                catch (SocketException)
                {
                    // In use: try another.
                }
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port Linux hands out for outgoing connections (32768 unless tuned).</summary>
    internal static int EphemeralRangeStart()
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

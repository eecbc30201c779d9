using System.Net;
using System.Net.Sockets;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>Finds free TCP ports on 127.0.0.1 by letting the kernel pick them.</summary>
internal static class PortAllocator
{
    /// <summary>Distinct free ports: every listener stays open until all are chosen, so none is handed out twice.</summary>
    public static IReadOnlyList<int> AllocateFreePorts(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
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
}

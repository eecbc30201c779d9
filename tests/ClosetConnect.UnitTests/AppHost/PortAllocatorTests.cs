using System.Net;
using System.Net.Sockets;
using ClosetConnect.AppHost.Hosting.Orchestration;

namespace ClosetConnect.UnitTests.AppHost;

public class PortAllocatorTests
{
    [Test]
    public void Ports_are_distinct_free_and_below_the_range_outgoing_connections_use()
    {
        var ports = PortAllocator.AllocateFreePorts(20);

        Assert.That(ports, Is.Unique);
        Assert.That(ports, Has.All.InRange(10_000, PortAllocator.EphemeralRangeStart() - 1));
        Assert.That(ports, Has.None.EqualTo(8080).And.None.EqualTo(18888), "never a dev run's fixed ports");
        foreach (var port in ports)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
    }
}

using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.Dashboard;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClosetConnect.UnitTests.AppHost;

public sealed class DashboardPageTests
{
    [Test]
    public void The_page_lists_each_resource_with_its_state_and_encodes_what_the_resources_wrote()
    {
        var snapshots = new[]
        {
            new ResourceSnapshot("gateway", "Project", ResourceState.Running, HealthStatus.Healthy, new Dictionary<string, int> { ["http"] = 8080 }, Pid: 4242, Restarts: 2),
            new ResourceSnapshot("cache", "Redis", ResourceState.Starting, null, new Dictionary<string, int> { ["tcp"] = 6379 }),
        };

        var html = DashboardPage.Render(snapshots, name => name == "gateway" ? ["<script>alert(1)</script>"] : []);

        Assert.That(html, Does.Contain("<td>gateway</td>").Or.Contain(">gateway</a>"));
        Assert.That(html, Does.Contain("http 8080").And.Contain("4242").And.Contain("Healthy").And.Contain("Starting"));
        Assert.That(html, Does.Not.Contain("<script>"), "log lines are text, never markup");
        Assert.That(html, Does.Contain("&lt;script&gt;"));
    }
}

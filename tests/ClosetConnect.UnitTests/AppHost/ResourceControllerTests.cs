using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClosetConnect.UnitTests.AppHost;

[CancelAfter(30_000)]
public sealed class ResourceControllerTests
{
    [Test]
    public async Task A_resource_waits_until_what_it_waits_for_is_healthy(CancellationToken cancellationToken)
    {
        using var harness = new ControllerHarness();
        var server = new ProjectResource("server", new UnlaunchedProject());
        var client = new ProjectResource("client", new UnlaunchedProject());
        client.AddWaitFor(server);
        var serverLauncher = new ScriptedLauncher();
        var clientLauncher = new ScriptedLauncher { IsHealthy = true };
        var serverController = harness.Create(server, serverLauncher);
        var clientController = harness.Create(client, clientLauncher);

        clientController.Start();
        serverController.Start();
        await harness.Notifications.WaitForResourceAsync("server", ResourceState.Starting, cancellationToken);
        // Both controllers run in the background: wait for the client to settle, then check it is held back.
        await harness.Notifications.WaitForResourceAsync("client", ResourceState.Waiting, cancellationToken);
        await Task.Delay(200, cancellationToken);
        Assert.That(harness.Notifications.GetSnapshot("client").State, Is.EqualTo(ResourceState.Waiting), "still waiting while the server is unhealthy");

        serverLauncher.IsHealthy = true;
        var healthyClient = await harness.Notifications.WaitForResourceHealthyAsync("client", cancellationToken);
        Assert.That(healthyClient.Health, Is.EqualTo(HealthStatus.Healthy));

        await clientController.StopAsync(cancellationToken);
        await serverController.StopAsync(cancellationToken);
        Assert.That(harness.Notifications.GetSnapshot("client").State, Is.EqualTo(ResourceState.Stopped));
    }

    [Test]
    public async Task A_dependency_that_fails_to_start_fails_its_dependants_with_a_reason(CancellationToken cancellationToken)
    {
        using var harness = new ControllerHarness();
        var server = new ProjectResource("server", new UnlaunchedProject());
        var client = new ProjectResource("client", new UnlaunchedProject());
        client.AddWaitFor(server);
        harness.Create(server, new ScriptedLauncher { PrepareFailure = new DistributedApplicationException("no binary") }).Start();
        harness.Create(client, new ScriptedLauncher { IsHealthy = true }).Start();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(
            () => harness.Notifications.WaitForResourceHealthyAsync("client", cancellationToken));
        Assert.That(error!.Message, Does.Contain("'server' failed to start"));
    }

    [Test]
    public async Task A_crashing_project_is_restarted_with_backoff_and_stops_for_good_when_asked(CancellationToken cancellationToken)
    {
        using var harness = new ControllerHarness();
        var project = new ProjectResource("crasher", new UnlaunchedProject());
        var controller = harness.Create(project, new ScriptedLauncher(restartOnCrash: true, ScriptedLauncher.Shell("echo crashing; exit 3")));

        controller.Start();
        var snapshot = await harness.Notifications.WaitForResourceAsync("crasher", s => s.Restarts >= 3, cancellationToken);
        await controller.StopAsync(cancellationToken);

        Assert.That(snapshot.ExitCode, Is.EqualTo(3));
        Assert.That(harness.Notifications.GetSnapshot("crasher").State, Is.EqualTo(ResourceState.Stopped));
        Assert.That(harness.Logs("crasher"), Has.Some.Contains("crashing"));
        Assert.That(harness.Logs("crasher"), Has.Some.Contains("Restarting in"));
    }

    [Test]
    public async Task A_server_that_exits_before_it_is_ready_failed_to_start(CancellationToken cancellationToken)
    {
        using var harness = new ControllerHarness();
        var server = new RedisResource("cache");
        harness.Create(server, new ScriptedLauncher(restartOnCrash: false, ScriptedLauncher.Shell("exit 1"))).Start();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(
            () => harness.Notifications.WaitForResourceHealthyAsync("cache", cancellationToken));
        Assert.That(error!.Message, Does.Contain("exited unexpectedly with code 1"));
    }

    [Test]
    public async Task Stopping_kills_the_whole_process_group_even_when_SIGTERM_is_ignored(CancellationToken cancellationToken)
    {
        using var harness = new ControllerHarness();
        var marker = $"{Random.Shared.Next(1000, 9999)}.{Random.Shared.Next(100, 999)}";
        var project = new ProjectResource("stubborn", new UnlaunchedProject());
        var launcher = new ScriptedLauncher(restartOnCrash: true, ScriptedLauncher.Shell($"trap '' TERM; sleep {marker} & sleep {marker}; wait"))
        {
            IsHealthy = true,
        };
        var controller = harness.Create(project, launcher);

        controller.Start();
        var running = await harness.Notifications.WaitForResourceHealthyAsync("stubborn", cancellationToken);
        Assert.That(await ProcessTable.WaitForCommandLinesContainingAsync(marker, 3, cancellationToken), Has.Count.EqualTo(3), "the shell and its two sleeps");
        Assert.That(File.ReadAllText(harness.ProcessRecordsFile), Does.Contain($"\"Pid\":{running.Pid}"));

        await controller.StopAsync(cancellationToken);

        Assert.That(ProcessTable.WithCommandLineContaining(marker), Is.Empty);
        Assert.That(File.ReadAllText(harness.ProcessRecordsFile), Does.Not.Contain($"\"Pid\":{running.Pid}"));
        Assert.That(harness.Notifications.GetSnapshot("stubborn").Restarts, Is.Zero, "a requested stop is no crash");
    }
}

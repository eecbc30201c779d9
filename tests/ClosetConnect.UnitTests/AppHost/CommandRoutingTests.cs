using ClosetConnect.AppHost.Hosting.Commands;

namespace ClosetConnect.UnitTests.AppHost;

public sealed class CommandRoutingTests
{
    [TestCase(new string[0], "run", 0)]
    [TestCase(new[] { "--AppHost:GatewayPort=9080" }, "run", 1)]
    [TestCase(new[] { "help" }, "help", 0)]
    [TestCase(new[] { "run", "--AppHost:DashboardEnabled=false" }, "run", 1)]
    public void The_first_argument_names_the_command_and_options_alone_mean_run(string[] args, string expected, int remainingArgs)
    {
        var (command, commandArgs) = AppHostCommands.Select(args);

        Assert.That(command.Name, Is.EqualTo(expected));
        Assert.That(commandArgs, Has.Count.EqualTo(remainingArgs));
    }

    [Test]
    public void An_unknown_command_is_refused_not_run()
    {
        var (command, _) = AppHostCommands.Select(["pubilsh"]);

        Assert.That(command, Is.Not.InstanceOf<RunCommand>());
        Assert.That(AppHostCommands.All.Select(c => c.Name), Is.SupersetOf(new[] { "help", "run" }));
    }
}

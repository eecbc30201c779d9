using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.Commands;

namespace ClosetConnect.UnitTests.AppHost;

public sealed class ConfigurationArgumentsTests
{
    [Test]
    public void A_restore_archive_path_does_not_swallow_the_setting_after_it()
    {
        string[] args = ["restore", "/tmp/backups/closetconnect-20261122T235913Z.tar.gz", "--AppHost:StateDirectory=/tmp/state"];

        Assert.That(ConfigurationArguments.Select(args), Is.EqualTo(new[] { "--AppHost:StateDirectory=/tmp/state" }));
    }

    [Test]
    public void Command_options_stay_with_the_command_and_settings_keep_their_separate_values()
    {
        string[] args = ["publish", "--environment", "Production", "--output", "deploy/k8s", "--AppHost:GatewayPort", "9080"];

        Assert.That(ConfigurationArguments.Select(args), Is.EqualTo(new[] { "--AppHost:GatewayPort", "9080" }));
    }

    [Test]
    public void Publish_backup_and_restore_are_commands()
    {
        Assert.That(AppHostCommands.All.Select(c => c.Name), Is.SupersetOf(new[] { "publish", "backup", "restore" }));
        Assert.That(AppHostCommands.Select(["restore", "/tmp/a.tar.gz"]).Args, Is.EqualTo(new[] { "/tmp/a.tar.gz" }));
    }
}

using System.Runtime.Versioning;
using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Testing;

namespace ClosetConnect.UnitTests.AppHost;

public sealed class ModelTests
{
    [Test]
    public void Resource_names_follow_the_host_name_rules()
    {
        using var state = new TestStateDirectory();
        var builder = state.CreateBuilder();

        Assert.Throws<ArgumentException>(() => builder.AddRedis("Cache"));
        Assert.Throws<ArgumentException>(() => builder.AddRedis("cache_1"));
        Assert.Throws<ArgumentException>(() => builder.AddMariaDB("mariadb").AddDatabase("bad-db", "bad-db"));
        Assert.DoesNotThrow(() => builder.AddRedis("cache-1"));
    }

    [Test]
    public void Two_resources_cannot_share_a_name()
    {
        using var state = new TestStateDirectory();
        var builder = state.CreateBuilder();
        builder.AddRedis("cache");

        Assert.Throws<DistributedApplicationException>(() => builder.AddRabbitMQ("cache"));
    }

    [Test]
    public void WaitFor_must_not_go_round_in_a_circle()
    {
        using var state = new TestStateDirectory();
        var builder = state.CreateBuilder();
        var a = builder.AddProject("a", new UnlaunchedProject());
        var b = builder.AddProject("b", new UnlaunchedProject()).WaitFor(a);
        a.WaitFor(b);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());
        Assert.That(error.Message, Does.Contain("a -> b -> a"));
    }

    [Test]
    public void A_database_waits_for_its_server()
    {
        using var state = new TestStateDirectory();
        var builder = state.CreateBuilder();
        var server = builder.AddMariaDB("mariadb");
        var database = server.AddDatabase("closetdb");

        Assert.That(database.Resource.WaitsFor, Is.EquivalentTo(new IResource[] { server.Resource }));
        Assert.That(server.Resource.Databases, Has.Member(database.Resource));
    }

    [Test]
    [SupportedOSPlatform("linux")]
    public async Task Generated_secrets_are_owner_only_and_survive_to_the_next_run()
    {
        using var state = new TestStateDirectory();
        string first;
        {
            var builder = state.CreateBuilder();
            builder.AddRedis("cache");
            await using var app = builder.Build();
            first = (await app.GetConnectionStringAsync("cache"))!;
        }
        var again = state.CreateBuilder();
        again.AddRedis("cache", port: 16379);
        await using var second = again.Build();

        var parameters = Path.Combine(state.Path, "parameters.json");
        Assert.That(File.GetUnixFileMode(parameters), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(first.Split(',')[1], Is.EqualTo((await second.GetConnectionStringAsync("cache"))!.Split(',')[1]));
        Assert.That(first.Split(',')[1], Does.Match("^password=[A-Za-z0-9]{32}$"));
    }

    [Test]
    public async Task Test_mode_uses_a_temporary_state_directory_and_random_ports_even_for_pinned_ones()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddProject("gateway", new UnlaunchedProject()).WithHttpEndpoint(port: 8080);
        var app = await builder.BuildAsync();
        var stateDirectory = app.StateDirectory;

        Assert.That(stateDirectory, Does.StartWith(Path.GetTempPath().TrimEnd('/')));
        Assert.That(app.GetEndpoint("gateway").Port, Is.Not.EqualTo(8080));
        Assert.That(app.StatePath("mail"), Is.EqualTo(Path.Combine(stateDirectory, "mail")));
        Assert.That(Directory.Exists(app.StatePath("mail")));
        Assert.Throws<ArgumentException>(() => app.StatePath("../elsewhere"));

        await app.DisposeAsync();
        Assert.That(Directory.Exists(stateDirectory), Is.False, "a test-mode state directory is deleted with the app");
    }
}

using ClosetConnect.AppHost.Hosting;

namespace ClosetConnect.UnitTests.AppHost;

/// <summary>The environment each service gets must be exactly what a stock Aspire AppHost would give it.</summary>
public sealed class ProjectEnvironmentTests
{
    private static readonly Dictionary<string, string> KnownSecrets = new()
    {
        ["mariadb-password"] = "RootSecret1",
        ["identitydb-password"] = "IdentitySecret1",
        ["messaging-password"] = "BrokerSecret1",
        ["cache-password"] = "CacheSecret1",
    };

    [Test]
    public async Task A_project_gets_urls_connection_strings_service_discovery_and_telemetry_settings()
    {
        using var state = new TestStateDirectory(KnownSecrets);
        var builder = state.CreateBuilder();
        var mariadb = builder.AddMariaDB("mariadb", port: 13306);
        var identityDb = mariadb.AddDatabase("identitydb");
        var messaging = builder.AddRabbitMQ("messaging", port: 15672);
        var cache = builder.AddRedis("cache", port: 16379);
        var identity = builder.AddProject("identity-api", new UnlaunchedProject())
            .WithHttpEndpoint(port: 15001)
            .WithReference(identityDb).WaitFor(identityDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(cache).WaitFor(cache)
            .WithEnvironment("Email__PickupDirectory", "/tmp/mail");
        builder.AddProject("gateway", new UnlaunchedProject()).WithHttpEndpoint(port: 18080).WithReference(identity).WaitFor(identity);
        await using var app = builder.Build();

        var identityEnvironment = app.GetEnvironmentVariables("identity-api");
        var gatewayEnvironment = app.GetEnvironmentVariables("gateway");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(identityEnvironment["ASPNETCORE_URLS"], Is.EqualTo("http://127.0.0.1:15001"));
            Assert.That(identityEnvironment["ASPNETCORE_ENVIRONMENT"], Is.EqualTo("Development"));
            Assert.That(identityEnvironment["ConnectionStrings__identitydb"],
                Is.EqualTo("Server=127.0.0.1;Port=13306;User ID=identitydb_user;Password=IdentitySecret1;Database=identitydb"));
            Assert.That(identityEnvironment["ConnectionStrings__messaging"], Is.EqualTo("amqp://messaging:BrokerSecret1@127.0.0.1:15672/"));
            Assert.That(identityEnvironment["ConnectionStrings__cache"], Is.EqualTo("127.0.0.1:16379,password=CacheSecret1"));
            Assert.That(identityEnvironment["Email__PickupDirectory"], Is.EqualTo("/tmp/mail"));
            Assert.That(identityEnvironment["OTEL_SERVICE_NAME"], Is.EqualTo("identity-api"));
            Assert.That(identityEnvironment["OTEL_RESOURCE_ATTRIBUTES"], Does.Match("^service.instance.id=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
            Assert.That(identityEnvironment, Does.Not.ContainKey("OTEL_EXPORTER_OTLP_ENDPOINT"), "no dashboard, so no receiver, and no external collector");
            Assert.That(identityEnvironment.Keys.Where(k => k.StartsWith("services__", StringComparison.Ordinal)), Is.Empty);

            Assert.That(gatewayEnvironment["ASPNETCORE_URLS"], Is.EqualTo("http://127.0.0.1:18080"));
            Assert.That(gatewayEnvironment["services__identity-api__http__0"], Is.EqualTo("http://127.0.0.1:15001"));
            Assert.That(gatewayEnvironment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)), Is.Empty);
        }
        Assert.That(await app.GetConnectionStringAsync("identitydb"), Is.EqualTo(identityEnvironment["ConnectionStrings__identitydb"]));
        Assert.That(await app.GetConnectionStringAsync("mariadb"), Is.EqualTo("Server=127.0.0.1;Port=13306;User ID=root;Password=RootSecret1"));
    }

    [Test]
    public async Task The_OTLP_endpoint_is_passed_on_only_when_a_receiver_is_configured()
    {
        using var state = new TestStateDirectory();
        var builder = state.CreateBuilder("--AppHost:OtlpEndpoint=http://127.0.0.1:18889");
        builder.AddProject("identity-api", new UnlaunchedProject());
        await using var app = builder.Build();

        Assert.That(app.GetEnvironmentVariables("identity-api")["OTEL_EXPORTER_OTLP_ENDPOINT"], Is.EqualTo("http://127.0.0.1:18889"));
    }

    [Test]
    public async Task Each_project_gets_its_own_instance_id_and_a_free_port_when_none_is_pinned()
    {
        using var state = new TestStateDirectory();
        var builder = state.CreateBuilder();
        builder.AddProject("a", new UnlaunchedProject());
        builder.AddProject("b", new UnlaunchedProject());
        await using var app = builder.Build();

        var a = app.GetEnvironmentVariables("a");
        var b = app.GetEnvironmentVariables("b");
        Assert.That(a["OTEL_RESOURCE_ATTRIBUTES"], Is.Not.EqualTo(b["OTEL_RESOURCE_ATTRIBUTES"]));
        Assert.That(a["ASPNETCORE_URLS"], Is.Not.EqualTo(b["ASPNETCORE_URLS"]));
        Assert.That(app.GetEndpoint("a").Port, Is.GreaterThan(0));
    }
}

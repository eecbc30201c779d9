using System.Net.Sockets;
using System.Text;
using ClosetConnect.AppHost.Hosting.RabbitMQ;
using MySqlConnector;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;

namespace ClosetConnect.AppHost.Tests.Servers;

/// <summary>
/// MariaDB, RabbitMQ (with its epmd) and Redis from this machine, run by Aspire as executables through our hosting
/// integrations in a temporary state directory: they take the generated credentials, keep service databases apart,
/// leave no process behind, and keep their data for the next run, even when its passwords are new.
/// </summary>
[NonParallelizable]
[CancelAfter(180_000)]
public sealed class InfrastructureServersTests
{
    private static readonly string[] Servers = ["mariadb", "identitydb", "closetdb", "messaging", "cache"];
    private static readonly string[] Processes = ["mariadb", "messaging", "messaging-epmd", "cache"];
    private TemporaryState state = null!;

    [SetUp]
    public void CreateStateDirectory() => state = new TemporaryState();

    [TearDown]
    public void DeleteStateDirectory() => state.Dispose();

    [Test]
    public async Task Servers_accept_the_generated_credentials_isolate_databases_stop_cleanly_and_keep_their_data(CancellationToken cancellationToken)
    {
        var firstRun = await StartServersAsync(cancellationToken);
        var identityDb = (await firstRun.GetConnectionStringAsync("identitydb", cancellationToken))!;
        var closetDb = (await firstRun.GetConnectionStringAsync("closetdb", cancellationToken))!;
        var messaging = (await firstRun.GetConnectionStringAsync("messaging", cancellationToken))!;
        var cache = (await firstRun.GetConnectionStringAsync("cache", cancellationToken))!;
        var pids = Processes.Select(firstRun.ProcessId).ToList();
        var epmdPort = firstRun.Resource<RabbitMQServerResource>("messaging").Epmd.Port;

        await using (var identity = await OpenAsync(identityDb, cancellationToken))
        {
            Assert.That(await QueryAsync(identity, "SHOW DATABASES", cancellationToken), Is.EquivalentTo(new[] { "identitydb", "information_schema" }));
            var denied = await Assert.ThrowsAsync<MySqlException>(() => ExecuteAsync(identity, "SELECT COUNT(*) FROM closetdb.items_probe", cancellationToken));
            Assert.That(denied!.ErrorCode, Is.EqualTo(MySqlErrorCode.TableAccessDenied).Or.EqualTo(MySqlErrorCode.DatabaseAccessDenied));
            await ExecuteAsync(identity, "CREATE TABLE users_probe (id INT PRIMARY KEY, name VARCHAR(50))", cancellationToken);
            await ExecuteAsync(identity, "INSERT INTO users_probe VALUES (1, 'kept')", cancellationToken);
        }
        await using (var closet = await OpenAsync(closetDb, cancellationToken))
        {
            await Assert.ThrowsAsync<MySqlException>(() => ExecuteAsync(closet, "SELECT * FROM identitydb.users_probe", cancellationToken));
        }
        await PublishPersistentMessageAsync(messaging, cancellationToken);
        var asGuest = new UriBuilder(new Uri(messaging)) { UserName = "guest", Password = "guest" }.Uri.ToString();
        await Assert.ThrowsAsync<BrokerUnreachableException>(() => ConnectAsync(asGuest, cancellationToken), "no guest user");
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(cache))
        {
            Assert.That(await redis.GetDatabase().StringSetAsync("probe", "kept"), Is.True);
        }
        await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(cache.Split(',')[0] + ",password=wrong,connectTimeout=1000"));

        await firstRun.DisposeAsync();

        var leftBehind = ProcessTable.Mentioning(state.Path).Concat(pids.Where(ProcessTable.IsAlive)).Distinct().ToList();
        Assert.That(leftBehind, Is.Empty, () => $"left running: {ProcessTable.Describe(leftBehind)}");
        Assert.That(CanConnect(epmdPort), Is.False, "the private epmd must be stopped");

        // This test model has no user secrets, so the second run generates new passwords: the servers take them and
        // keep their data (a developer whose user secrets were reset is in the same place).
        await using var secondRun = await StartServersAsync(cancellationToken);
        var passwordBefore = new MySqlConnectionStringBuilder(identityDb).Password;
        identityDb = (await secondRun.GetConnectionStringAsync("identitydb", cancellationToken))!;
        messaging = (await secondRun.GetConnectionStringAsync("messaging", cancellationToken))!;
        cache = (await secondRun.GetConnectionStringAsync("cache", cancellationToken))!;
        Assert.That(new MySqlConnectionStringBuilder(identityDb).Password, Is.Not.EqualTo(passwordBefore));
        await using (var identity = await OpenAsync(identityDb, cancellationToken))
        {
            Assert.That(await QueryAsync(identity, "SELECT name FROM users_probe", cancellationToken), Is.EqualTo(new[] { "kept" }));
        }
        Assert.That(await ReadMessageAsync(messaging, cancellationToken), Is.EqualTo("kept"));
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(cache))
        {
            Assert.That((string?)await redis.GetDatabase().StringGetAsync("probe"), Is.EqualTo("kept"));
        }
    }

    [Test]
    public async Task A_configured_connection_string_replaces_the_local_server(CancellationToken cancellationToken)
    {
        var local = DistributedApplicationTestingBuilder.Create(state.Argument);
        local.AddRedis("cache");
        await using var existing = await local.BuildAsync(cancellationToken);
        await existing.StartAsync(cancellationToken);
        await existing.WaitUntilHealthyAsync("cache", cancellationToken);
        var cache = (await existing.GetConnectionStringAsync("cache", cancellationToken))!;

        using var elsewhere = new TemporaryState();
        var builder = DistributedApplicationTestingBuilder.Create(
            elsewhere.Argument, $"--ConnectionStrings:cache={cache}", "--ConnectionStrings:closetdb=Server=db.example;Database=closetdb;User ID=closet;Password=x");
        builder.AddRedis("cache");
        builder.AddMariaDB("mariadb").AddDatabase("closetdb");
        await using var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        await app.WaitUntilHealthyAsync("cache", cancellationToken);

        Assert.That(await app.GetConnectionStringAsync("cache", cancellationToken), Is.EqualTo(cache));
        Assert.That(app.Resources().OfType<ExecutableResource>().Select(r => r.Name), Is.EquivalentTo(new[] { "mariadb" }), "no redis-server of its own");
        Assert.That(app.Snapshot("mariadb").State?.Text, Is.EqualTo(KnownResourceStates.NotStarted), "a server with no database of its own stays off");
        Assert.That(ProcessTable.Mentioning(elsewhere.Path), Is.Empty);
    }

    private async Task<DistributedApplication> StartServersAsync(CancellationToken cancellationToken)
    {
        var builder = DistributedApplicationTestingBuilder.Create(state.Argument);
        var mariadb = builder.AddMariaDB("mariadb");
        mariadb.AddDatabase("identitydb");
        mariadb.AddDatabase("closetdb");
        builder.AddRabbitMQ("messaging");
        builder.AddRedis("cache");
        var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        try
        {
            foreach (var server in Servers)
            {
                await app.WaitUntilHealthyAsync(server, cancellationToken);
            }
        }
        catch
        {
            foreach (var server in Processes)
            {
                await TestContext.Out.WriteLineAsync(string.Join('\n', (await app.ConsoleLogsAsync(app.Resource<IResource>(server))).TakeLast(30).Select(l => $"[{server}] {l}")));
            }
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private static async Task<MySqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> QueryAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static Task<IConnection> ConnectAsync(string connectionString, CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = new Uri(connectionString), AutomaticRecoveryEnabled = false }.CreateConnectionAsync(cancellationToken);

    private static async Task PublishPersistentMessageAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(connectionString, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await channel.QueueDeclareAsync("probe", durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.BasicPublishAsync("", "probe", mandatory: true, new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes("kept"), cancellationToken);
    }

    private static async Task<string?> ReadMessageAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(connectionString, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var message = await channel.BasicGetAsync("probe", autoAck: true, cancellationToken);
        return message is null ? null : Encoding.UTF8.GetString(message.Body.Span);
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

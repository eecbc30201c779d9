using ClosetConnect.AppHost.Hosting.MariaDb;
using ClosetConnect.AppHost.Hosting.RabbitMQ;
using ClosetConnect.AppHost.Hosting.Redis;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>The port a client uses for each kind of server, in the cluster or managed.</summary>
internal static class BackingServicePorts
{
    public const int MariaDb = 3306;
    public const int Amqp = 5672;
    public const int Redis = 6379;

    public static int For(IResourceWithConnectionString resource) => resource switch
    {
        MariaDbServerResource or MariaDbDatabaseResource => MariaDb,
        RabbitMQServerResource => Amqp,
        RedisServerResource => Redis,
        _ => throw new DistributedApplicationException($"publish does not know the port of {resource}."),
    };
}

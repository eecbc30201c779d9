using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting;

public static class RedisBuilderExtensions
{
    /// <summary>A Redis server from this machine's <c>redis-server</c>, on <paramref name="port"/> or a free port.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var redis = new RedisResource(name);
        redis.PrimaryEndpoint.Port = port;
        return builder.AddResource(redis);
    }
}

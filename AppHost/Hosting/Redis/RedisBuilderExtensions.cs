using ClosetConnect.AppHost.Hosting.Publishing;
using ClosetConnect.AppHost.Hosting.Redis;
using ClosetConnect.AppHost.Hosting.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace ClosetConnect.AppHost.Hosting;

public static class RedisBuilderExtensions
{
    /// <summary>
    /// A Redis server from this machine's <c>redis-server</c>, its data in <c>{state}/data/{name}</c>, with a generated
    /// password (<c>{name}-password</c>). Connection string: <c>host:port,password=...</c>, as Aspire's Redis integration.
    /// A configured <c>ConnectionStrings:{name}</c> replaces it with that existing server.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddRedis(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        if (ExternalServer.IsConfigured(builder, name))
        {
            return builder.AddConnectionString(name);
        }

        // StackExchange.Redis does not accept commas in passwords.
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var redis = new RedisServerResource(name, ServerBinary.Locate("redis-server"), builder.ServerDataPath(name), password);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(redis, async (_, cancellationToken) =>
        {
            ServerBinary.EnsureInstalled(redis.Command, "redis-server");
            await OwnerOnlyFile.WriteAllTextAsync(redis.ConfigFile, $"""
                bind 127.0.0.1
                protected-mode yes
                daemonize no
                dir {redis.DataDirectory}
                requirepass {await password.GetValueAsync(cancellationToken)}
                appendonly yes
                save 60 1
                logfile ""

                """, cancellationToken);
        });

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, cancellationToken) =>
            connectionString = await redis.ConnectionStringExpression.GetValueAsync(cancellationToken));
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"The connection string of {name} is not available yet."), name: healthCheckKey);

        return builder.AddResource(redis)
            .WithEndpoint(name: RedisServerResource.PrimaryEndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add(redis.ConfigFile);
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Memory")
            .WithAnnotation(new ClusterServerAnnotation(RedisClusterManifests.Port, cluster => RedisClusterManifests.Files(redis, cluster)));
    }
}

using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting;

public static class RabbitMQBuilderExtensions
{
    /// <summary>A RabbitMQ broker from this machine's <c>rabbitmq-server</c>, on <paramref name="port"/> or a free port.</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var broker = new RabbitMQServerResource(name);
        broker.PrimaryEndpoint.Port = port;
        return builder.AddResource(broker);
    }
}

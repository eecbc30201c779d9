using ClosetConnect.Gateway.Health;
using ClosetConnect.Gateway.Routing;
using ClosetConnect.Gateway.Security;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace ClosetConnect.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        // Cluster addresses such as http://identity-api become the endpoints service discovery knows.
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

        builder.AddEdgeSecurity();
        builder.AddServiceHealth();
        return builder;
    }
}

using ClosetConnect.Gateway.ApiDocs;
using ClosetConnect.Gateway.Health;
using ClosetConnect.Gateway.Security;

namespace ClosetConnect.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Cluster addresses such as http://identity-api become the endpoints service discovery knows.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.AddEdgeSecurity();
        builder.AddServiceHealth();
        builder.AddApiDocs();
        return builder;
    }
}

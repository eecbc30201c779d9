namespace ClosetConnect.AppHost.Hosting;

public static class ProxylessEndpointsExtensions
{
    public const string SettingKey = "AppHost:ProxylessEndpoints";

    /// <summary>
    /// <c>AppHost:ProxylessEndpoints=true</c>: every project and server listens on its endpoints' ports itself, without
    /// DCP's proxy in front. That proxy is a user-space relay that every request and every SQL statement crosses, at a CPU
    /// cost close to the service's own for a small request (measured with eng/bench); a cluster has nothing like it, so the
    /// HTTP benchmark runs without it. Aspire then allows one replica per project.
    /// </summary>
    public static IDistributedApplicationBuilder AddProxylessEndpointsOption(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode && builder.Configuration.GetValue<bool>(SettingKey))
        {
            // At start, once Program.cs has declared every project and endpoint, and before DCP allocates them.
            builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
            {
                foreach (var endpoint in start.Model.Resources
                    .Where(r => r is ProjectResource or IResourceWithConnectionString)
                    .SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
                {
                    endpoint.IsProxied = false;
                }

                return Task.CompletedTask;
            });
        }

        return builder;
    }
}

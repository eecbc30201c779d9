using ClosetConnect.AppHost.Hosting.Restarts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClosetConnect.AppHost.Hosting;

public static class RestartPolicyExtensions
{
    /// <summary>The snapshot property (shown in the dashboard's details) that counts a resource's restarts.</summary>
    public const string RestartsProperty = "closetconnect.restarts";

    /// <summary>
    /// Every project and server that exits unasked is started again with backoff (1 s doubling to 30 s; a run of a
    /// minute resets it). Settings: <c>AppHost:Restarts:InitialDelay</c>, <c>MaxDelay</c>, <c>ResetAfter</c>.
    /// </summary>
    public static IDistributedApplicationBuilder AddRestartPolicy(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            var section = builder.Configuration.GetSection("AppHost:Restarts");
            var defaults = RestartBackoff.Default;
            builder.Services.TryAddSingleton(new RestartBackoff(
                section.GetValue("InitialDelay", defaults.InitialDelay),
                section.GetValue("MaxDelay", defaults.MaxDelay),
                section.GetValue("ResetAfter", defaults.ResetAfter)));
            builder.Services.AddHostedService<RestartPolicy>();
        }
        return builder;
    }
}

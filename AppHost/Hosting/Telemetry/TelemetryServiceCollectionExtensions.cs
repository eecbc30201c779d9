using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The receiver, its store and the services' export destination. Call before the orchestrator is registered:
    /// hosted services start in registration order, and services must learn where to export before they launch.
    /// </summary>
    public static IServiceCollection AddDashboardTelemetry(this IServiceCollection services, bool dashboardRuns)
    {
        services.AddOptions<OtlpReceiverOptions>().BindConfiguration(OtlpReceiverOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OtlpReceiverOptions>, OtlpReceiverOptionsValidator>());
        services.AddSingleton<TelemetryStore>();
        services.AddSingleton(sp => new TelemetryDestination(
            sp.GetRequiredService<IOptions<AppHostOptions>>().Value.OtlpEndpoint,
            sp.GetRequiredService<IOptions<OtlpReceiverOptions>>().Value,
            dashboardRuns));
        services.AddHostedService<OtlpReceiverHost>();
        return services;
    }
}

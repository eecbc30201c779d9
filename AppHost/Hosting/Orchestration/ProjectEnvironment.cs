using System.Globalization;
using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Telemetry;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// The environment a service gets, exactly as a stock Aspire AppHost would give it, so the services run unchanged
/// under either: URLs, environment name, connection strings, service discovery, OpenTelemetry settings.
/// </summary>
internal static class ProjectEnvironment
{
    public static IReadOnlyDictionary<string, string> For(ProjectResource project, ProjectEnvironmentSettings settings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = project.HttpEndpoint.Url.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = settings.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = settings.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.InstanceId}",
        };
        foreach (var (name, value) in settings.Telemetry?.EnvironmentVariables() ?? [])
        {
            environment[name] = value;
        }
        foreach (var resource in project.ConnectionStringReferences)
        {
            environment[$"ConnectionStrings__{resource.Name}"] = resource.GetConnectionString();
        }
        foreach (var service in project.ServiceReferences)
        {
            foreach (var endpoint in service.Endpoints)
            {
                environment[string.Create(CultureInfo.InvariantCulture, $"services__{service.Name}__{endpoint.Name}__0")] =
                    endpoint.Url.ToString().TrimEnd('/');
            }
        }
        foreach (var (name, value) in project.EnvironmentVariables)
        {
            environment[name] = value;
        }
        return environment;
    }
}

/// <summary>What the environment of a service depends on besides the model.</summary>
/// <param name="Telemetry">Where it exports OTLP; null: nowhere.</param>
internal sealed record ProjectEnvironmentSettings(string EnvironmentName, OtlpExportSettings? Telemetry);

namespace ClosetConnect.AppHost.Hosting.Servers;

/// <summary>
/// Aspire's <c>AddConnectionString</c> pattern for our servers: a configured <c>ConnectionStrings:{name}</c> (an
/// existing server: a shared dev database, a managed service) replaces the local one in a run. Publishing always
/// models the server, since the cluster's manifests describe it.
/// </summary>
internal static class ExternalServer
{
    public static bool IsConfigured(IDistributedApplicationBuilder builder, string name) =>
        builder.ExecutionContext.IsRunMode && !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name));
}

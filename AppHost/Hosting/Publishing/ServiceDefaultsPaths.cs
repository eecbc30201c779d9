namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>The health endpoints ServiceDefaults maps in every environment (MapDefaultEndpoints).</summary>
internal static class ServiceDefaultsPaths
{
    /// <summary>Readiness: every dependency answers.</summary>
    public const string Health = "/health";

    /// <summary>Liveness: the process itself.</summary>
    public const string Alive = "/alive";
}

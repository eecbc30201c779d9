using ClosetConnect.AppHost.Hosting.Orchestration;
using ClosetConnect.AppHost.Hosting.Telemetry;

namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>What launchers share: the state directory, the process records, settings, the clock and where services export telemetry.</summary>
internal sealed record LauncherContext(
    StateLayout State,
    ChildProcessRegistry Registry,
    ResourceLogs Logs,
    AppHostOptions Options,
    string EnvironmentName,
    TimeProvider Time,
    IHttpClientFactory HttpClients,
    TelemetryDestination Telemetry);

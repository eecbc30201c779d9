using ClosetConnect.AppHost.Hosting.Orchestration;

namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>What launchers share: the state directory, the process records, settings and the clock.</summary>
internal sealed record LauncherContext(
    StateLayout State,
    ChildProcessRegistry Registry,
    ResourceLogs Logs,
    AppHostOptions Options,
    string EnvironmentName,
    TimeProvider Time,
    IHttpClientFactory HttpClients);

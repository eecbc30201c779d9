using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Orchestration;

namespace ClosetConnect.AppHost.Hosting.Launchers;

/// <summary>Runs a built service as <c>dotnet TargetPath</c> in its project folder; healthy when <c>GET /health</c> answers 200.</summary>
internal sealed class ProjectLauncher(ProjectResource project, LauncherContext context) : IResourceLauncher
{
    public bool RestartOnCrash => true;

    public Task<ChildProcessSpec?> PrepareAsync(CancellationToken cancellationToken)
    {
        var targetPath = project.Metadata.TargetPath;
        if (!File.Exists(targetPath))
        {
            throw new DistributedApplicationException($"{targetPath} does not exist: build the solution first (dotnet build ClosetConnect.sln).");
        }
        var settings = new ProjectEnvironmentSettings(context.EnvironmentName, context.Telemetry.Export);
        return Task.FromResult<ChildProcessSpec?>(new ChildProcessSpec(
            Executables.DotnetHost(),
            [targetPath],
            Path.GetDirectoryName(project.Metadata.ProjectPath) ?? Environment.CurrentDirectory,
            ProjectEnvironment.For(project, settings)));
    }

    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = context.HttpClients.CreateClient(nameof(ProjectLauncher));
            using var response = await client.GetAsync(new Uri(project.HttpEndpoint.Url, project.HealthCheckPath), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

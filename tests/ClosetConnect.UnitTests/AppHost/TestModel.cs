using System.Text.Json;
using ClosetConnect.AppHost.Hosting;

namespace ClosetConnect.UnitTests.AppHost;

/// <summary>A project that is never launched: the model tests only look at what it would be given.</summary>
internal sealed class UnlaunchedProject : IProjectMetadata
{
    public string ProjectPath => "/nowhere/Unlaunched/Unlaunched.csproj";

    public string TargetPath => "/nowhere/Unlaunched/bin/Unlaunched.dll";
}

/// <summary>A state directory in /tmp with known secrets, so connection strings can be compared character for character.</summary>
internal sealed class TestStateDirectory : IDisposable
{
    public TestStateDirectory(IReadOnlyDictionary<string, string>? parameters = null)
    {
        Path = Directory.CreateTempSubdirectory("apphost-unit-").FullName;
        if (parameters is not null)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, "parameters.json"), JsonSerializer.Serialize(parameters));
        }
    }

    public string Path { get; }

    public IDistributedApplicationBuilder CreateBuilder(params string[] args) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, StateDirectory = Path, DisableDashboard = true });

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

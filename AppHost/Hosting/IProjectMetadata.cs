namespace ClosetConnect.AppHost.Hosting;

/// <summary>
/// A service project the AppHost can launch. The build generates one class per referenced service project
/// (<c>Projects.Identity_Api</c>, ...), as Aspire's AppHost SDK does; see <c>build/ProjectMetadata.targets</c>.
/// </summary>
public interface IProjectMetadata
{
    /// <summary>Full path of the project file; its folder is the working directory of the service.</summary>
    string ProjectPath { get; }

    /// <summary>Full path of the built assembly, launched as <c>dotnet TargetPath</c>.</summary>
    string TargetPath { get; }
}

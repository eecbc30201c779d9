namespace ClosetConnect.AppHost.Hosting.Commands;

/// <summary>
/// A subcommand of the AppHost, chosen by the first argument (<c>dotnet AppHost.dll publish ...</c>). Commands are
/// found by reflection: adding one is adding one class with a parameterless constructor that implements this.
/// </summary>
public interface IAppHostCommand
{
    /// <summary>The first argument that selects this command.</summary>
    string Name { get; }

    /// <summary>One line for <c>help</c>.</summary>
    string Description { get; }

    /// <summary>Runs the command on the built application; returns the process exit code.</summary>
    Task<int> ExecuteAsync(DistributedApplication app, IReadOnlyList<string> args, CancellationToken cancellationToken);
}

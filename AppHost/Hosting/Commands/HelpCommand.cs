namespace ClosetConnect.AppHost.Hosting.Commands;

/// <summary>Lists the commands.</summary>
public sealed class HelpCommand : IAppHostCommand
{
    public string Name => "help";

    public string Description => "list the commands";

    public static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("Usage: dotnet AppHost.dll [command] [--AppHost:Key=value ...]");
        writer.WriteLine("Commands:");
        foreach (var command in AppHostCommands.All)
        {
            writer.WriteLine($"  {command.Name,-10} {command.Description}");
        }
    }

    public Task<int> ExecuteAsync(DistributedApplication app, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        WriteUsage(Console.Out);
        return Task.FromResult(0);
    }
}

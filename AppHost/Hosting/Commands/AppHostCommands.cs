namespace ClosetConnect.AppHost.Hosting.Commands;

/// <summary>Routes <c>args[0]</c> to a command; no command name (or a first argument that is an option) means <c>run</c>.</summary>
internal static class AppHostCommands
{
    public static IReadOnlyList<IAppHostCommand> All { get; } =
    [
        .. typeof(IAppHostCommand).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAppHostCommand).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IAppHostCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal),
    ];

    public static (IAppHostCommand Command, IReadOnlyList<string> Args) Select(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            return (Find(RunCommand.CommandName)!, args);
        }
        return Find(args[0]) is { } command
            ? (command, args.Skip(1).ToList())
            : (new UnknownCommand(args[0]), args);
    }

    private static IAppHostCommand? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>Not discovered (no parameterless constructor): says what went wrong and lists the commands.</summary>
    private sealed class UnknownCommand(string name) : IAppHostCommand
    {
        public string Name => name;

        public string Description => "an unknown command";

        public Task<int> ExecuteAsync(DistributedApplication app, IReadOnlyList<string> args, CancellationToken cancellationToken)
        {
            Console.Error.WriteLine($"Unknown command '{name}'.");
            HelpCommand.WriteUsage(Console.Error);
            return Task.FromResult(2);
        }
    }
}

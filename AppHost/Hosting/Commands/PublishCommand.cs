using ClosetConnect.AppHost.Hosting.Publishing;

namespace ClosetConnect.AppHost.Hosting.Commands;

/// <summary>
/// <c>publish [--environment Development|Staging|Production]... [--output deploy/k8s]</c>: writes the model as Kubernetes
/// manifests, a kustomize base plus one overlay per environment (all three when none is named).
/// </summary>
public sealed class PublishCommand : IAppHostCommand
{
    public const string DefaultOutput = "deploy/k8s";

    public string Name => DistributedApplicationExecutionContext.PublishCommandName;

    public string Description => "write Kubernetes manifests (kustomize base + overlays): --environment <env> --output deploy/k8s";

    public async Task<int> ExecuteAsync(DistributedApplication app, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var environments = new List<PublishEnvironment>();
        var output = DefaultOutput;
        for (var i = 0; i < args.Count; i++)
        {
            var (option, value) = SplitOption(args, ref i);
            switch (option)
            {
                case "--environment" or "-e":
                    if (PublishEnvironment.Find(value ?? string.Empty) is not { } environment)
                    {
                        Console.Error.WriteLine($"Unknown environment '{value}': use {string.Join(", ", PublishEnvironment.All.Select(e => e.Name))}.");
                        return 2;
                    }
                    environments.Add(environment);
                    break;
                case "--output" or "-o":
                    output = value ?? DefaultOutput;
                    break;
                default:
                    // --AppHost:Key=value settings were read by the builder already.
                    break;
            }
        }
        if (environments.Count == 0)
        {
            environments.AddRange(PublishEnvironment.All);
        }

        var outputDirectory = Path.GetFullPath(output);
        var written = await new KubernetesPublisher(app.Resources).WriteAsync(outputDirectory, environments, cancellationToken);
        Console.WriteLine($"Wrote {written.Count} files to {outputDirectory} ({string.Join(", ", environments.Select(e => e.OverlayName))}).");
        return 0;
    }

    private static (string Option, string? Value) SplitOption(IReadOnlyList<string> args, ref int index)
    {
        var arg = args[index];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }
        if (arg is "--environment" or "-e" or "--output" or "-o" && index + 1 < args.Count)
        {
            return (arg, args[++index]);
        }
        return (arg, null);
    }
}

using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.AppHost.Hosting.Commands;

/// <summary>The default: run every resource until Ctrl+C, SIGTERM or SIGHUP, then stop them all.</summary>
public sealed class RunCommand : IAppHostCommand
{
    public const string CommandName = "run";

    public string Name => CommandName;

    public string Description => "run every resource locally until Ctrl+C (the default)";

    public async Task<int> ExecuteAsync(DistributedApplication app, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        // The generic host handles SIGINT, SIGTERM and SIGQUIT; a closed terminal (SIGHUP) must stop everything too.
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            lifetime.StopApplication();
        });
        await app.RunUntilShutdownAsync(cancellationToken);
        return 0;
    }
}

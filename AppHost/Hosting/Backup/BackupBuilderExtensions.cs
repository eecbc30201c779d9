#pragma warning disable ASPIREPIPELINES001 // Pipeline steps are Aspire's (experimental) way to run work outside a run.

using ClosetConnect.AppHost.Hosting.Backup;
using ClosetConnect.AppHost.Hosting.Deployment;
using ClosetConnect.AppHost.Hosting.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting;

public static class BackupBuilderExtensions
{
    public const string BackupCommandName = "backup";
    public const string BackupStepName = "backup";
    public const string RestoreStepName = "restore";

    /// <summary>
    /// Backups of every database on the server plus <paramref name="folders"/>: a "Back up now" command on the
    /// dashboard, and the pipeline steps <c>backup</c> (also while the AppHost runs) and <c>restore</c> (AppHost
    /// stopped; <c>--AppHost:Backup:Archive=FILE</c>). Settings: section <c>AppHost:Backup</c>.
    /// </summary>
    public static IResourceBuilder<MariaDbServerResource> WithBackups(this IResourceBuilder<MariaDbServerResource> server, params SharedFolder[] folders)
    {
        var builder = server.ApplicationBuilder;
        var settings = builder.Configuration.GetSection(BackupSettings.SectionName).Get<BackupSettings>() ?? new BackupSettings();
        if (settings.Keep < 1)
        {
            throw new DistributedApplicationException($"{BackupSettings.SectionName}:{nameof(BackupSettings.Keep)} must be at least 1, not {settings.Keep}.");
        }
        Backups Backups(IServiceProvider services) => new(
            server.Resource, folders, settings.Directory ?? Path.Combine(builder.StateDirectory(), "backups"), services.GetRequiredService<TimeProvider>());

        builder.Pipeline.AddStep(BackupStepName, async step =>
        {
            var archive = await Backups(step.Services).CreateAsync(settings.Keep, step.CancellationToken);
            step.Logger.LogInformation("Backup written: {Archive}", archive);
        });
        builder.Pipeline.AddStep(RestoreStepName, async step =>
        {
            if (settings.Archive is not { Length: > 0 } archive || !File.Exists(archive))
            {
                throw new DistributedApplicationException(
                    $"Name the archive to restore with --{BackupSettings.SectionName}:{nameof(BackupSettings.Archive)}=FILE (none at '{settings.Archive}').");
            }
            await Backups(step.Services).RestoreAsync(archive, step.CancellationToken);
            step.Logger.LogInformation("Restored {Archive}; the next start brings the database users back.", archive);
        });

        return server.WithCommand(BackupCommandName, "Back up now", async context =>
        {
            try
            {
                var archive = await Backups(context.Services).CreateAsync(settings.Keep, context.CancellationToken);
                context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server.Resource).LogInformation("Backup written: {Archive}", archive);
                return CommandResults.Success($"Backup written: {archive}");
            }
            catch (DistributedApplicationException ex)
            {
                return CommandResults.Failure(ex.Message);
            }
        }, new CommandOptions
        {
            Description = "Dump every database and the blob store into one checksummed archive in the backup folder.",
            IconName = "ArchiveArrowBack",
            UpdateState = context => context.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });
    }
}

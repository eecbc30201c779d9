using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting.Restarts;

/// <summary>
/// Aspire has no restart policy: this one watches every project and executable through Aspire's resource
/// notifications and, when one exits without being asked to (Running straight to Finished or Exited, no Stopping in
/// between), starts it again with Aspire's own start command after a <see cref="RestartBackoff"/> delay. Each
/// replica is its own resource instance. The resource's console log and its "Restarts" property say what happened.
/// </summary>
internal sealed class RestartPolicy(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService logs,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    RestartBackoff backoff) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Instance> instances = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (update.Resource is not (ProjectResource or ExecutableResource) || update.Snapshot.State?.Text is not { } state)
            {
                continue;
            }
            var instance = instances.GetOrAdd(update.ResourceId, _ => new Instance());
            var previous = instance.State;
            instance.State = state;
            if (state == KnownResourceStates.Running && previous != KnownResourceStates.Running)
            {
                instance.RunningSince = time.GetUtcNow();
            }
            var crashed = previous == KnownResourceStates.Running
                && (state == KnownResourceStates.Finished || state == KnownResourceStates.Exited)
                && !lifetime.ApplicationStopping.IsCancellationRequested;
            if (crashed)
            {
                _ = RestartAsync(update, instance, stoppingToken);
            }
        }
    }

    private async Task RestartAsync(ResourceEvent crash, Instance instance, CancellationToken stoppingToken)
    {
        try
        {
            await RestartAfterBackoffAsync(crash, instance, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logs.GetLogger(crash.ResourceId).LogError(ex, "Restarting {Resource} failed", crash.ResourceId);
        }
    }

    private async Task RestartAfterBackoffAsync(ResourceEvent crash, Instance instance, CancellationToken stoppingToken)
    {
        var uptime = time.GetUtcNow() - instance.RunningSince;
        instance.Streak = backoff.NextStreak(instance.Streak, uptime);
        instance.Restarts++;
        var delay = backoff.DelayFor(instance.Streak);
        var logger = logs.GetLogger(crash.ResourceId);
        logger.LogWarning("{Resource} exited unexpectedly (exit code {ExitCode}) after {Uptime:0.#} s; restart {Restarts} in {Delay:0.#} s.",
            crash.ResourceId, crash.Snapshot.ExitCode, uptime.TotalSeconds, instance.Restarts, delay.TotalSeconds);
        await notifications.PublishUpdateAsync(crash.Resource, crash.ResourceId, snapshot => snapshot with
        {
            Properties = [.. snapshot.Properties.Where(p => p.Name != RestartPolicyExtensions.RestartsProperty), new(RestartPolicyExtensions.RestartsProperty, instance.Restarts)],
        });
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        // Someone started or stopped it by hand meanwhile: theirs is the last word.
        var state = instance.State;
        if (state != KnownResourceStates.Finished && state != KnownResourceStates.Exited)
        {
            return;
        }
        var result = await commands.ExecuteCommandAsync(crash.ResourceId, KnownResourceCommands.StartCommand, stoppingToken);
        if (!result.Success)
        {
            logger.LogError("Restarting {Resource} failed: {Error}", crash.ResourceId, result.Message);
        }
    }

    private sealed class Instance
    {
        public string? State { get; set; }

        public DateTimeOffset RunningSince { get; set; }

        public int Streak { get; set; }

        public int Restarts { get; set; }
    }
}

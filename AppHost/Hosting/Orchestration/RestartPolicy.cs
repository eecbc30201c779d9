using Polly;
using Polly.Retry;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>How one run of a supervised process ended.</summary>
internal readonly record struct RunOutcome(bool Crashed, int? ExitCode, TimeSpan Uptime)
{
    public static RunOutcome Stopped => new(false, null, TimeSpan.Zero);
}

/// <summary>A restart that is about to happen, for logs and the restart counter.</summary>
internal readonly record struct PlannedRestart(int? ExitCode, TimeSpan Delay);

/// <summary>
/// Restarts a crashed project with exponential backoff (initial delay, doubling, capped), through a Polly retry
/// pipeline. A project that ran for <see cref="ResetAfter"/> before crashing starts over from the initial delay,
/// so one crash a day does not wait as long as a crash loop.
/// </summary>
internal sealed record RestartPolicy(TimeSpan InitialDelay, TimeSpan MaxDelay, TimeSpan ResetAfter)
{
    public static RestartPolicy From(AppHostOptions options) =>
        new(options.RestartInitialDelay, options.RestartMaxDelay, options.RestartResetAfter);

    /// <summary>Runs <paramref name="runOnce"/> again after each crash until it ends without one (a requested stop) or is cancelled.</summary>
    public async Task SuperviseAsync(
        Func<CancellationToken, Task<RunOutcome>> runOnce,
        Action<PlannedRestart> onRestart,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            // A fresh pipeline starts the backoff from the initial delay again.
            var pipeline = BuildPipeline(time, onRestart);
            var outcome = await pipeline.ExecuteAsync(
                async token =>
                {
                    var outcome = await runOnce(token);
                    return outcome.Crashed && outcome.Uptime < ResetAfter ? throw new ProcessCrashedException(outcome.ExitCode) : outcome;
                },
                cancellationToken);
            if (!outcome.Crashed)
            {
                return;
            }
            onRestart(new PlannedRestart(outcome.ExitCode, InitialDelay));
            await Task.Delay(InitialDelay, time, cancellationToken);
        }
    }

    private ResiliencePipeline BuildPipeline(TimeProvider time, Action<PlannedRestart> onRestart) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ProcessCrashedException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = InitialDelay,
                MaxDelay = MaxDelay,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = arguments =>
                {
                    onRestart(new PlannedRestart((arguments.Outcome.Exception as ProcessCrashedException)?.ExitCode, arguments.RetryDelay));
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private sealed class ProcessCrashedException(int? exitCode) : Exception($"The process exited with {exitCode}.")
    {
        public int? ExitCode { get; } = exitCode;
    }
}

using Microsoft.Extensions.Hosting;

namespace ClosetConnect.Vision.Analysis;

/// <summary>
/// Loads the model when the worker starts, without holding up start-up, and retries while it cannot be loaded
/// (a model volume mounted late, a GPU driver restarted): the health check reports the state meanwhile.
/// </summary>
public sealed class SegmentationModelLoader(SegmentationModel model, TimeProvider timeProvider) : BackgroundService
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Loading takes a while (and longer on CUDA); off the start-up path.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested && !model.Load().IsLoaded)
        {
            try
            {
                await Task.Delay(RetryInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

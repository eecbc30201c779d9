using ClosetConnect.Vision.Analysis;
using Microsoft.Extensions.Options;

namespace ClosetConnect.Vision.Inference;

/// <summary>
/// Loads the model when the worker starts, without holding up start-up, and retries while it cannot be loaded
/// (a model volume mounted late, a GPU driver restarted): the health check reports the state meanwhile.
/// </summary>
public sealed class SegmentationModelLoader(SegmentationModel model, IOptions<VisionOptions> options, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Loading takes a while (and longer on CUDA); off the start-up path.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested && !model.Load().IsLoaded)
        {
            try
            {
                await Task.Delay(options.Value.ModelRetryInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

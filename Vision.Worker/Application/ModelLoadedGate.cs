using ClosetConnect.EventBus;
using ClosetConnect.Vision.Inference;

namespace ClosetConnect.Vision.Application;

/// <summary>Opens once the segmentation model is loaded; the loader keeps retrying a missing or broken model file.</summary>
internal sealed class ModelLoadedGate(SegmentationModel model, TimeProvider time, ILogger<ModelLoadedGate> logger) : IEventConsumerGate
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task WaitUntilOpenAsync(CancellationToken cancellationToken)
    {
        if (!model.State.IsLoaded)
        {
            logger.LogInformation("Holding photos in the queue until the model at {ModelPath} is loaded", model.State.ModelPath);
        }

        while (!model.State.IsLoaded)
        {
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}

using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus;
using ClosetConnect.Vision.Application;

namespace ClosetConnect.Vision.Extensions;

public static class VisionServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddBlobStore();
        builder.AddGarmentAnalysis();

        // Photos stay queued until the model can run, rather than failing into the dead-letter queue.
        builder.Services.AddSingleton<IEventConsumerGate, ModelLoadedGate>();
        builder.AddEventBus("messaging")
            .AddSubscription<ItemImageUploadedEvent, ItemImageUploadedHandler>();

        return builder;
    }
}

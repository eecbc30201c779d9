using ClosetConnect.Closet.Application.EventHandlers;

namespace ClosetConnect.Closet.Extensions;

public static class ClosetServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);

        builder.AddMySqlDbContext<ClosetDbContext>("closetdb");
        builder.Services.AddMigration<ClosetDbContext>();
        builder.AddRedisClient("cache");
        builder.AddBlobStore();
        builder.AddDefaultAuthentication();
        builder.Services.AddSingleton<IUploadScanner, AcceptingUploadScanner>();
        builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<StaleAnalysisSweeper>();

        builder.AddEventBus("messaging")
            .AddOutbox<ClosetDbContext>()
            .AddInbox<ClosetDbContext>()
            .AddSubscription<UserRegisteredEvent, UserRegisteredHandler>()
            .AddSubscription<UserDeletedEvent, UserDeletedHandler>()
            .AddSubscription<ItemAnalyzedEvent, ItemAnalyzedHandler>()
            .AddSubscription<ItemAnalysisFailedEvent, ItemAnalysisFailedHandler>();

        return builder;
    }
}

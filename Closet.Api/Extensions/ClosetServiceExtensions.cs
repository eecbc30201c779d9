using ClosetConnect.Closet.Accounts;
using ClosetConnect.Closet.Analysis;
using ClosetConnect.Closet.Infrastructure;
using ClosetConnect.Closet.Infrastructure.Caching;
using ClosetConnect.Closet.Items;
using ClosetConnect.Closet.Listings;
using ClosetConnect.Closet.Market;
using ClosetConnect.Closet.Outfits;
using ClosetConnect.Closet.Purchases;
using ClosetConnect.Closet.Uploads;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClosetConnect.Closet.Extensions;

public static class ClosetServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<BlobDeletionAfterCommit>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<BlobDeletionAfterCommit>());
        builder.Services.AddSingleton<ItemListCacheInvalidation>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<ItemListCacheInvalidation>());
        builder.AddMySqlDbContext<ClosetDbContext>("closetdb");
        builder.Services.AddMigration<ClosetDbContext>();
        // A cache, not a store: Redis down makes the item list slower, not the service unhealthy.
        builder.AddRedisClient("cache", settings => settings.DisableHealthChecks = true);
        builder.Services.AddValidatedOptions<ItemListCacheOptions>(ItemListCacheOptions.SectionName);
        builder.Services.AddSingleton<ItemListCache>();
        builder.Services.AddScoped<ItemPages>();
        builder.Services.AddScoped<ItemQueries>();
        builder.Services.AddScoped<ItemCommands>();
        builder.Services.AddScoped<ClosetDataExport>();
        builder.Services.AddScoped<ItemUpload>();
        builder.AddBlobStore();
        builder.AddDefaultAuthentication();
        builder.Services.AddSingleton<IUploadScanner, AcceptingUploadScanner>();
        builder.Services.AddValidatedOptions<AnalysisOptions>(AnalysisOptions.SectionName);
        builder.Services.AddHostedService<StaleAnalysisSweeper>();

        builder.Services.AddScoped<OutfitCommands>();
        builder.Services.AddScoped<OutfitQueries>();
        builder.Services.AddScoped<ListingCommands>();
        builder.Services.AddScoped<MarketQueries>();
        builder.Services.AddScoped<ListingReservation>();
        builder.Services.AddScoped<ItemOwnershipTransfer>();

        builder.AddEventBus("messaging")
            .AddOutbox<ClosetDbContext>()
            .AddInbox<ClosetDbContext>()
            .AddSubscription<UserRegisteredEvent, UserRegisteredHandler>()
            .AddSubscription<UserDeletedEvent, UserDeletedHandler>()
            .AddSubscription<ItemAnalyzedEvent, ItemAnalyzedHandler>()
            .AddSubscription<ItemAnalysisFailedEvent, ItemAnalysisFailedHandler>()
            .AddSubscription<OrderPaidEvent, OrderPaidHandler>()
            .AddSubscription<OrderCancelledEvent, ReservationRelease>()
            .AddSubscription<OrderExpiredEvent, ReservationRelease>()
            .AddSubscription<OrderRefundedEvent, OrderRefundedHandler>();

        return builder;
    }
}

using ClosetConnect.Payments.Application.EventHandlers;
using ClosetConnect.ServiceDefaults.EventBus.Events;

namespace ClosetConnect.Payments.Extensions;

public static class PaymentsServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);

        builder.AddMySqlDbContext<PaymentsDbContext>("paymentsdb");
        builder.Services.AddMigration<PaymentsDbContext>();
        builder.AddRedisClient("cache");
        builder.AddDefaultAuthentication();
        builder.AddEventBus("messaging")
            .AddOutbox<PaymentsDbContext>()
            .AddInbox<PaymentsDbContext>()
            .AddSubscription<UserDeletedEvent, UserDeletedHandler>();

        return builder;
    }
}

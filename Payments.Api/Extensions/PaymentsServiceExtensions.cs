using ClosetConnect.Payments.Accounts;
using ClosetConnect.Payments.Checkout;
using ClosetConnect.Payments.Orders;
using ClosetConnect.Payments.Reconciliation;
using ClosetConnect.Payments.Settlement;
using ClosetConnect.Payments.Toss;
using ClosetConnect.Payments.Webhooks;

namespace ClosetConnect.Payments.Extensions;

public static class PaymentsServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);

        builder.AddMySqlDbContext<PaymentsDbContext>("paymentsdb");
        builder.Services.AddMigration<PaymentsDbContext>();
        builder.AddDefaultAuthentication();
        builder.AddTossClient();
        builder.Services.AddHttpClient<ListingReservations>(http => http.BaseAddress = new Uri($"http://{ListingReservations.ClosetService}"));

        builder.Services.AddValidatedOptions<OrderOptions>(OrderOptions.SectionName);
        builder.Services.AddScoped<PaymentSettlement>();
        builder.Services.AddScoped<PlaceOrder>();
        builder.Services.AddScoped<CancelOrder>();
        builder.Services.AddScoped<RefundOrder>();
        builder.Services.AddScoped<ConfirmPayment>();
        builder.Services.AddScoped<PaymentsDataExport>();
        builder.Services.AddSingleton<CheckoutLinks>();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddHostedService<TossWebhookProcessor>();
        builder.Services.AddHostedService<OrderReconciler>();

        builder.AddEventBus("messaging")
            .AddOutbox<PaymentsDbContext>()
            .AddInbox<PaymentsDbContext>()
            .AddSubscription<UserDeletedEvent, UserDeletedHandler>()
            .AddSubscription<ItemTransferredEvent, ItemTransferredHandler>()
            .AddSubscription<ItemTransferFailedEvent, ItemTransferFailedHandler>();

        return builder;
    }
}

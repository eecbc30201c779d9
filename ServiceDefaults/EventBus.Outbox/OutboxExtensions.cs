using ClosetConnect.EventBus;
using ClosetConnect.EventBus.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class OutboxExtensions
{
    /// <summary>Events added with <c>AddIntegrationEvent</c> are published from this context's outbox after commit.</summary>
    public static IEventBusBuilder AddOutbox<TDbContext>(this IEventBusBuilder eventBus) where TDbContext : DbContext
    {
        eventBus.Services.TryAddSingleton<OutboxSignal>();
        eventBus.Services.AddSingleton<IInterceptor, OutboxSaveChangesInterceptor>();
        eventBus.Services.AddSingleton<OutboxRelay<TDbContext>>();
        eventBus.Services.AddHostedService(services => services.GetRequiredService<OutboxRelay<TDbContext>>());
        eventBus.Services.AddHealthChecks().AddCheck<OutboxHealthCheck<TDbContext>>("outbox");
        return eventBus;
    }

    /// <summary>Handlers run at most once per message id, in one transaction with this context's inbox row.</summary>
    public static IEventBusBuilder AddInbox<TDbContext>(this IEventBusBuilder eventBus) where TDbContext : DbContext
    {
        eventBus.Services.TryAddSingleton<OutboxSignal>();
        eventBus.Services.Replace(ServiceDescriptor.Scoped<IMessageProcessor, InboxMessageProcessor<TDbContext>>());
        return eventBus;
    }
}

using ClosetConnect.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace ClosetConnect.EventBus.Outbox;

public static class TransactionalMessagingModel
{
    public const string OutboxTable = "OutboxMessages";
    public const string InboxTable = "InboxMessages";

    /// <summary>Adds the outbox and inbox tables to a service's model (call from <c>OnModelCreating</c>).</summary>
    public static ModelBuilder AddTransactionalMessaging(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.EventName).HasMaxLength(200);
            outbox.Property(m => m.Payload).HasColumnType("longtext");
            outbox.Property(m => m.TraceContext).HasColumnType("text");
            outbox.Property(m => m.LastError).HasMaxLength(1000);
            outbox.HasIndex(m => new { m.PublishedAt, m.OccurredAt });
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => m.MessageId);
            inbox.Property(m => m.EventName).HasMaxLength(200);
            inbox.HasIndex(m => m.ProcessedAt);
        });

        return modelBuilder;
    }

    /// <summary>
    /// Adds the event to the outbox of this context: it is saved by the same <c>SaveChanges</c> as the business change
    /// and published after the commit. The current trace context and baggage are kept with it.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext context, IntegrationEvent integrationEvent) =>
        context.Set<OutboxMessage>().Add(OutboxMessage.From(integrationEvent, MessageTracing.Capture()));
}

using ClosetConnect.Data;
using ClosetConnect.EventBus.Outbox;
using Microsoft.EntityFrameworkCore.Design;

namespace ClosetConnect.Payments.Data;

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<TossWebhookReceipt> TossWebhookReceipts => Set<TossWebhookReceipt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.HasKey(o => o.Id);
            order.HasIndex(o => new { o.BuyerId, o.CreatedAt });
            order.HasIndex(o => new { o.SellerId, o.CreatedAt });
            order.HasIndex(o => new { o.Status, o.UpdatedAt });
            order.HasIndex(o => o.ListingId);
            order.Property(o => o.Currency).HasMaxLength(3);
            order.Property(o => o.OrderName).HasMaxLength(100);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            order.Property(o => o.PaymentKey).HasMaxLength(200);
            order.Property(o => o.ConfirmIdempotencyKey).HasMaxLength(300);
            order.Property(o => o.RefundReason).HasMaxLength(500);
            // Every change rewrites UpdatedAt: two settlements of one order (confirm, reconciler, webhook, replicas)
            // cannot both win.
            order.Property(o => o.UpdatedAt).IsConcurrencyToken();
            order.Ignore(o => o.TossOrderId);
            order.OwnsMany(o => o.History, history =>
            {
                history.ToTable("OrderHistory");
                history.WithOwner().HasForeignKey("OrderId");
                history.HasKey("OrderId", nameof(OrderHistoryEntry.Sequence));
                history.Property(h => h.Sequence).ValueGeneratedNever();
                history.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
                history.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
                history.Property(h => h.Actor).HasMaxLength(20);
                history.Property(h => h.Note).HasMaxLength(500);
            });
        });

        modelBuilder.Entity<LedgerEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => new { e.SellerId, e.CreatedAt });
            entry.HasIndex(e => new { e.OrderId, e.Kind }).IsUnique();
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
            entry.Property(e => e.Currency).HasMaxLength(3);
        });

        modelBuilder.Entity<TossWebhookReceipt>(receipt =>
        {
            receipt.HasKey(r => r.Id);
            receipt.HasIndex(r => r.TransmissionId).IsUnique();
            receipt.HasIndex(r => new { r.ProcessedAt, r.ReceivedAt });
            receipt.Property(r => r.TransmissionId).HasMaxLength(100);
            receipt.Property(r => r.PaymentKey).HasMaxLength(200);
            receipt.Property(r => r.OrderId).HasMaxLength(64);
            receipt.Property(r => r.Outcome).HasMaxLength(500);
        });

        modelBuilder.AddTransactionalMessaging();
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a live server (the server version is explicit).</summary>
internal sealed class PaymentsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PaymentsDbContext>
{
    public PaymentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PaymentsDbContext>().UseMySql("Server=localhost", MariaDbVersion.Default).Options);
}

using ClosetConnect.ServiceDefaults.Data;
using ClosetConnect.ServiceDefaults.EventBus.Outbox;
using Microsoft.EntityFrameworkCore.Design;

namespace ClosetConnect.Payments.Infrastructure;

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.HasKey(o => o.Id);
            order.HasIndex(o => new { o.BuyerId, o.CreatedAt });
            order.HasIndex(o => o.SellerId);
            order.Property(o => o.Currency).HasMaxLength(3);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
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

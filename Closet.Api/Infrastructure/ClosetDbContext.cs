using ClosetConnect.ServiceDefaults.Data;
using ClosetConnect.ServiceDefaults.EventBus.Outbox;
using Microsoft.EntityFrameworkCore.Design;

namespace ClosetConnect.Closet.Infrastructure;

public sealed class ClosetDbContext(DbContextOptions<ClosetDbContext> options) : DbContext(options)
{
    public DbSet<UserCloset> Closets => Set<UserCloset>();

    public DbSet<ClosetItem> Items => Set<ClosetItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserCloset>(closet =>
        {
            closet.HasKey(c => c.UserId);
            closet.Property(c => c.Username).HasMaxLength(30);
        });

        modelBuilder.Entity<ClosetItem>(item =>
        {
            item.HasKey(i => i.Id);
            item.HasIndex(i => new { i.UserId, i.CreatedAt });
            item.HasIndex(i => new { i.UserId, i.Category });
            item.Property(i => i.Name).HasMaxLength(100);
            item.Property(i => i.Category).HasMaxLength(20);
            item.Property(i => i.Brand).HasMaxLength(100);
            item.Property(i => i.Size).HasMaxLength(20);
            item.Property(i => i.Season).HasMaxLength(20);
            item.Property(i => i.Tags).HasMaxLength(700);
            item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.FailureReason).HasMaxLength(500);
            item.Property(i => i.ImageKey).HasMaxLength(300);
            item.Property(i => i.ImageContentType).HasMaxLength(50);
            item.Property(i => i.CutoutKey).HasMaxLength(300);
            item.Property(i => i.MaskKey).HasMaxLength(300);
            item.Property(i => i.ModelVersion).HasMaxLength(100);
            item.Ignore(i => i.TagList);
            item.OwnsMany(i => i.Colors, color =>
            {
                color.ToTable("ItemColors");
                color.WithOwner().HasForeignKey("ItemId");
                color.HasKey("ItemId", nameof(ItemColor.Rank));
                color.Property(c => c.Hex).HasMaxLength(7);
                color.Property(c => c.Name).HasMaxLength(30);
                color.HasIndex(c => c.Name);
            });
        });

        modelBuilder.AddTransactionalMessaging();
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a live server (the server version is explicit).</summary>
internal sealed class ClosetDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ClosetDbContext>
{
    public ClosetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ClosetDbContext>().UseMySql("Server=localhost", MariaDbVersion.Default).Options);
}

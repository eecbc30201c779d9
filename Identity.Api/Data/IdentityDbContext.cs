using ClosetConnect.Data;
using ClosetConnect.EventBus.Outbox;
using Microsoft.EntityFrameworkCore.Design;

namespace ClosetConnect.Identity.Data;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<EmailVerificationCode> EmailVerificationCodes => Set<EmailVerificationCode>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<PasswordResetToken> PasswordResetTokens => Set<PasswordResetToken>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.HasKey(u => u.Id);
            user.Property(u => u.Email).HasMaxLength(254);
            user.HasIndex(u => u.Email).IsUnique();
            user.Property(u => u.Username).HasMaxLength(30);
            user.HasIndex(u => u.Username).IsUnique();
            user.Property(u => u.FullNameEncrypted).HasMaxLength(512);
            user.Property(u => u.PasswordHash).HasMaxLength(100);
            user.Property(u => u.Role).HasMaxLength(20);
            user.Ignore(u => u.IsEmailVerified);
            user.Ignore(u => u.IsAdmin);
            user.Ignore(u => u.GrantedRoles);
            user.Ignore(u => u.LastActiveAt);
            user.HasIndex(u => u.LastLoginAt);
        });

        modelBuilder.Entity<EmailVerificationCode>(code =>
        {
            code.HasKey(c => c.Id);
            code.Property(c => c.CodeHash).HasMaxLength(64);
            code.HasIndex(c => c.UserId);
            code.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RefreshToken>(token =>
        {
            token.HasKey(t => t.Id);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.FamilyId);
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PasswordResetToken>(token =>
        {
            token.HasKey(t => t.Id);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => new { t.UserId, t.TokenHash });
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        // No foreign key to Users: the trail outlives an erased account (without its IP addresses).
        modelBuilder.Entity<AuditEvent>(audit =>
        {
            audit.HasKey(e => e.Id);
            audit.Property(e => e.Action).HasMaxLength(64);
            audit.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
            audit.Property(e => e.Resource).HasMaxLength(128);
            audit.Property(e => e.IpAddress).HasMaxLength(45);
            audit.Property(e => e.RequestId).HasMaxLength(64);
            audit.Property(e => e.Reason).HasMaxLength(64);
            audit.HasIndex(e => new { e.UserId, e.OccurredAt });
            audit.HasIndex(e => e.OccurredAt);
        });

        modelBuilder.Entity<SigningKey>(key =>
        {
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(64);
            key.Property(k => k.Algorithm).HasMaxLength(16);
            key.Property(k => k.PrivateKeyEncrypted).HasMaxLength(2048);
        });

        modelBuilder.AddTransactionalMessaging();
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a live server (the server version is explicit).</summary>
internal sealed class IdentityDbContextDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDbContext>().UseMySql("Server=localhost", MariaDbVersion.Default).Options);
}

using ClosetConnect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Same name, configuration keys and behaviour as Aspire's <c>Aspire.Pomelo.EntityFrameworkCore.MySql</c>
/// integration (not on our feed): pooled context, retries, health check, tracing.
/// </summary>
public static class MySqlDbContextExtensions
{
    private const string SettingsSection = "Aspire:Pomelo:EntityFrameworkCore:MySql";

    public static void AddMySqlDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<MySqlEntityFrameworkCoreSettings>? configureSettings = null,
        Action<DbContextOptionsBuilder>? configureDbContextOptions = null)
        where TContext : DbContext
    {
        var settings = new MySqlEntityFrameworkCoreSettings();
        builder.Configuration.GetSection(SettingsSection).Bind(settings);
        builder.Configuration.GetSection($"{SettingsSection}:{typeof(TContext).Name}").Bind(settings);
        settings.ConnectionString ??= builder.Configuration.GetConnectionString(connectionName);
        configureSettings?.Invoke(settings);

        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. Set 'ConnectionStrings:{connectionName}' or '{SettingsSection}:ConnectionString'.");
        }

        // Holds the server password: outside Development it must be a real secret.
        builder.Services.RequireSecret($"ConnectionStrings:{connectionName}");
        var connectionString = settings.ConnectionString;
        builder.Services.AddDbContextPool<TContext>((services, options) =>
        {
            options.UseMySql(connectionString, settings.ServerVersion, mysql =>
            {
                if (!settings.DisableRetry)
                {
                    // With retries on, explicit transactions must run inside Database.CreateExecutionStrategy().
                    mysql.EnableRetryOnFailure();
                }

                if (settings.CommandTimeout is { } timeout)
                {
                    mysql.CommandTimeout(timeout);
                }
            });
            options.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
            configureDbContextOptions?.Invoke(options);
        });

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName);
        }
    }

    /// <summary>Applies the context's EF Core migrations when the service starts, before it serves requests.</summary>
    public static IServiceCollection AddMigration<TContext>(this IServiceCollection services) where TContext : DbContext =>
        services.AddHostedService<MigrationHostedService<TContext>>();
}

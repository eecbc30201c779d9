using System.Diagnostics;
using ClosetConnect.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.Data;

/// <summary>
/// Runs pending migrations in <see cref="StartAsync"/>, so the service does not accept requests (and is not healthy)
/// until its schema is current. The provider's retry strategy covers a database that is still starting.
/// </summary>
internal sealed class MigrationHostedService<TContext>(IServiceProvider services, ILogger<MigrationHostedService<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = Instrumentation.ActivitySource.StartActivity($"Migrate {typeof(TContext).Name}");
        var stopwatch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await context.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database of {Context} is current ({Applied} migrations applied in {ElapsedMs} ms)",
            typeof(TContext).Name, pending.Count, stopwatch.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ClosetConnect.EventBus.Outbox;

/// <summary>
/// Degraded (the service still serves) when rows are parked or an event has waited longer than
/// <see cref="EventBusOptions.OutboxAlertAge"/>: other services are not hearing about this one's changes.
/// </summary>
internal sealed class OutboxHealthCheck<TDbContext>(IServiceScopeFactory scopes, IOptions<EventBusOptions> options, TimeProvider time)
    : IHealthCheck where TDbContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unpublished = scope.ServiceProvider.GetRequiredService<TDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.PublishedAt == null);
        if (await unpublished.Where(m => m.ParkedAt != null).OrderBy(m => m.ParkedAt).FirstOrDefaultAsync(cancellationToken) is { } parked)
        {
            var count = await unpublished.CountAsync(m => m.ParkedAt != null, cancellationToken);
            return HealthCheckResult.Degraded($"{count} outbox event(s) parked; the first, {parked.EventName} {parked.Id}: {parked.LastError}");
        }

        var alertBefore = time.GetUtcNow() - options.Value.OutboxAlertAge;
        if (await unpublished.Where(m => m.OccurredAt < alertBefore).OrderBy(m => m.OccurredAt).FirstOrDefaultAsync(cancellationToken) is { } stale)
        {
            return HealthCheckResult.Degraded($"The outbox has events older than {options.Value.OutboxAlertAge}; the oldest, {stale.EventName} {stale.Id}: {stale.LastError ?? "not tried yet"}");
        }

        return HealthCheckResult.Healthy();
    }
}

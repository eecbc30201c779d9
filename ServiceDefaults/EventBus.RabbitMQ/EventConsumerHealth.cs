using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClosetConnect.EventBus.RabbitMQ;

/// <summary>Unhealthy while the service's consumer is not consuming: a dead consumer must not hide behind a green /health.</summary>
internal sealed class EventConsumerHealth : IHealthCheck
{
    private volatile string? _down = "not started yet";

    public void Consuming() => _down = null;

    /// <summary>The service subscribes to nothing.</summary>
    public void Idle() => _down = null;

    public void Lost(string reason) => _down = reason;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_down is { } reason
            ? HealthCheckResult.Unhealthy($"The event consumer is down: {reason}")
            : HealthCheckResult.Healthy());
}

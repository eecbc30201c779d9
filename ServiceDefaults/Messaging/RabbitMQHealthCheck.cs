using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace ClosetConnect.ServiceDefaults.Messaging;

/// <summary>Healthy while the shared connection is open (the community RabbitMQ check is not on our feed).</summary>
internal sealed class RabbitMQHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = (IConnection)services.GetService(typeof(IConnection))!;
            return Task.FromResult(connection.IsOpen
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The RabbitMQ connection is closed."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("RabbitMQ is not reachable.", ex));
        }
    }
}

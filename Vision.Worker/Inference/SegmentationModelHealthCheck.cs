using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClosetConnect.Vision.Inference;

/// <summary>Ready only once the model runs: a worker that cannot analyse leaves uploads waiting in the queue.</summary>
public sealed class SegmentationModelHealthCheck(SegmentationModel model) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = model.State;
        var data = new Dictionary<string, object>
        {
            ["modelPath"] = state.ModelPath,
            ["executionProvider"] = state.ExecutionProvider ?? "",
            ["modelVersion"] = state.ModelVersion ?? "",
        };

        return Task.FromResult(state.Status switch
        {
            ModelStatus.Loaded => HealthCheckResult.Healthy($"Model {state.ModelVersion} on {state.ExecutionProvider}.", data),
            ModelStatus.Failed => HealthCheckResult.Unhealthy(state.Error, data: data),
            _ => HealthCheckResult.Unhealthy("The model is still loading.", data: data),
        });
    }
}

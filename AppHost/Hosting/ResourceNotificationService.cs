using System.Collections.Concurrent;

namespace ClosetConnect.AppHost.Hosting;

/// <summary>The current state of every resource, and waits on it (<c>WaitFor</c>, tests), as Aspire's service of the same name.</summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> snapshots = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ResourceSnapshot> Snapshots => [.. snapshots.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public ResourceSnapshot GetSnapshot(string resourceName) =>
        snapshots.TryGetValue(resourceName, out var snapshot)
            ? snapshot
            : throw new ArgumentException($"No resource is named '{resourceName}'.", nameof(resourceName));

    /// <summary>Completes once the resource is running and its readiness check passed. Throws when it failed to start.</summary>
    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, snapshot => snapshot.IsHealthy, cancellationToken);

    public Task<ResourceSnapshot> WaitForResourceAsync(string resourceName, ResourceState state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, snapshot => snapshot.State == state, cancellationToken);

    public async Task<ResourceSnapshot> WaitForResourceAsync(
        string resourceName, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                next = changed.Task;
            }
            var snapshot = GetSnapshot(resourceName);
            if (predicate(snapshot))
            {
                return snapshot;
            }
            if (snapshot.State == ResourceState.FailedToStart)
            {
                throw new DistributedApplicationException($"Resource '{resourceName}' failed to start: {snapshot.Message}");
            }
            await next.WaitAsync(cancellationToken);
        }
    }

    internal void Publish(ResourceSnapshot snapshot)
    {
        snapshots[snapshot.Name] = snapshot;
        Signal();
    }

    internal ResourceSnapshot Update(string resourceName, Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        var updated = snapshots.AddOrUpdate(
            resourceName,
            _ => throw new ArgumentException($"No resource is named '{resourceName}'.", nameof(resourceName)),
            (_, current) => change(current));
        Signal();
        return updated;
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.SetResult();
    }
}

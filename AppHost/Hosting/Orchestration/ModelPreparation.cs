using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>What happens to the model between declaring it and running it: ports, secrets, sanity checks.</summary>
internal static class ModelPreparation
{
    /// <summary>Fixed ports stay fixed (except in test mode, where everything is random so tests never meet a dev run).</summary>
    public static void AllocatePorts(IEnumerable<IResource> resources, bool useRandomPorts)
    {
        var endpoints = resources.OfType<IResourceWithEndpoints>().SelectMany(r => r.Endpoints).Where(e => e.AllocatedPort is null).ToList();
        var needFree = endpoints.Where(e => useRandomPorts || e.Port is null).ToList();
        var free = PortAllocator.AllocateFreePorts(needFree.Count);
        for (var i = 0; i < needFree.Count; i++)
        {
            needFree[i].AllocatedPort = free[i];
        }
        foreach (var endpoint in endpoints.Except(needFree))
        {
            endpoint.AllocatedPort = endpoint.Port;
        }
    }

    public static void ResolveParameters(IEnumerable<IResource> resources, ParameterStore store)
    {
        foreach (var parameter in resources.SelectMany(Parameters).Where(p => p.Value is null))
        {
            parameter.Value = store.GetOrGenerate(parameter.Name);
        }
    }

    public static void EnsureNoWaitCycle(IReadOnlyList<IResource> resources)
    {
        var finished = new HashSet<IResource>();
        var onPath = new List<IResource>();
        foreach (var resource in resources)
        {
            Visit(resource);
        }

        void Visit(IResource resource)
        {
            if (finished.Contains(resource))
            {
                return;
            }
            if (onPath.Contains(resource))
            {
                var cycle = onPath.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
                throw new DistributedApplicationException($"WaitFor goes round in a circle: {string.Join(" -> ", cycle)}.");
            }
            onPath.Add(resource);
            foreach (var dependency in resource.WaitsFor)
            {
                Visit(dependency);
            }
            onPath.Remove(resource);
            finished.Add(resource);
        }
    }

    public static ResourceSnapshot InitialSnapshot(IResource resource) =>
        new(resource.Name,
            resource.ResourceType,
            ResourceState.NotStarted,
            Health: null,
            Ports: resource is IResourceWithEndpoints withEndpoints
                ? withEndpoints.Endpoints.ToDictionary(e => e.Name, e => e.RequiredPort)
                : new Dictionary<string, int>());

    private static IEnumerable<ParameterResource> Parameters(IResource resource) => resource switch
    {
        MariaDbServerResource server => [server.RootPassword],
        MariaDbDatabaseResource database => [database.Password],
        RabbitMQServerResource broker => [broker.Password],
        RedisResource redis => [redis.Password],
        _ => [],
    };
}

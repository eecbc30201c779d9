using System.Text.Json;
using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// The ports a running AppHost chose (<c>run/endpoints.json</c>), so a second AppHost process, such as <c>backup</c>
/// while the application runs, can reach its servers.
/// </summary>
internal static class EndpointRecord
{
    public static void Write(StateLayout state, IEnumerable<IResource> resources)
    {
        var ports = resources.OfType<IResourceWithEndpoints>()
            .ToDictionary(r => r.Name, r => r.Endpoints.Where(e => e.AllocatedPort is not null).ToDictionary(e => e.Name, e => e.RequiredPort));
        File.WriteAllText(Path.Combine(state.RunDirectory, "endpoints.json"), JsonSerializer.Serialize(ports));
    }

    /// <summary>Takes over the running AppHost's ports; false when it recorded none.</summary>
    public static bool TryAdopt(StateLayout state, IEnumerable<IResource> resources)
    {
        var path = Path.Combine(state.RunDirectory, "endpoints.json");
        if (!File.Exists(path))
        {
            return false;
        }
        var ports = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(File.ReadAllText(path)) ?? [];
        foreach (var resource in resources.OfType<IResourceWithEndpoints>())
        {
            foreach (var endpoint in resource.Endpoints)
            {
                if (ports.TryGetValue(resource.Name, out var byName) && byName.TryGetValue(endpoint.Name, out var port))
                {
                    endpoint.AllocatedPort = port;
                }
            }
        }
        return true;
    }
}

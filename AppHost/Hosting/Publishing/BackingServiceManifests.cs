namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>
/// The servers for the environments that run them in the cluster (a kustomize component): whatever each server's
/// <see cref="ClusterServerAnnotation"/> renders, with the projects that reference it as the only clients it lets in.
/// </summary>
internal sealed class BackingServiceManifests(PublishedModel model)
{
    public IEnumerable<ManifestFile> Files() =>
        model.Servers.SelectMany(server =>
        {
            var annotation = ClusterServerAnnotation.Of(server)!;
            var clients = model.Projects.Where(p => p.Uses(server)).Select(p => p.Name).ToList();
            return annotation.Manifests(new ClusterServer(server.Name, annotation.ClientPort, clients));
        });
}

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>
/// How a server runs in a cluster that has no managed one (the in-cluster-servers component): the port its clients
/// use, in the cluster or managed, and its own manifests. Each server type's folder adds it to its resource, so
/// publishing never asks which type a server is.
/// </summary>
public sealed class ClusterServerAnnotation(int clientPort, Func<ClusterServer, IEnumerable<ManifestFile>> manifests) : IResourceAnnotation
{
    public int ClientPort { get; } = clientPort;

    internal IEnumerable<ManifestFile> Manifests(ClusterServer server) => manifests(server);

    /// <summary>The annotation of a server, or of the server a child resource (a database) lives on.</summary>
    internal static ClusterServerAnnotation? Of(IResource resource) =>
        resource.Annotations.OfType<ClusterServerAnnotation>().LastOrDefault()
        ?? (resource is IResourceWithParent child ? Of(child.Parent) : null);
}

namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A folder several projects read and write, such as the blob store: <c>{state}/{Name}</c> on this machine, a
/// ReadWriteMany volume mounted at <see cref="ContainerPath"/> in Kubernetes.
/// </summary>
public sealed record SharedFolder(string Name, string LocalPath)
{
    public string ContainerPath => $"/var/lib/closetconnect/{Name}";
}

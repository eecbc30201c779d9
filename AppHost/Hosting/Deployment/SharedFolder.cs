namespace ClosetConnect.AppHost.Hosting.Deployment;

/// <summary>
/// A folder several projects read and write, such as the blob store: <c>{state}/{Name}</c> on this machine, a
/// ReadWriteMany volume mounted at <see cref="ContainerPath"/> in Kubernetes. As an environment value it is the local path.
/// </summary>
public sealed class SharedFolder(string name, string localPath) : IValueProvider, IManifestExpressionProvider
{
    public string Name { get; } = name;

    public string LocalPath { get; } = localPath;

    public string ContainerPath => $"/var/lib/closetconnect/{Name}";

    public string ValueExpression => LocalPath;

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(LocalPath);
}

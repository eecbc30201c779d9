using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting;

/// <summary>A resource being declared, for fluent calls such as <c>.WithReference(db).WaitFor(db)</c>.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }
}

internal sealed class ResourceBuilder<T>(IDistributedApplicationBuilder applicationBuilder, T resource) : IResourceBuilder<T>
    where T : IResource
{
    public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;

    public T Resource { get; } = resource;
}

using ClosetConnect.AppHost.Hosting.ApplicationModel;

namespace ClosetConnect.AppHost.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>Gives the resource <c>ConnectionStrings__{source}</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment
    {
        if (!builder.Resource.ConnectionStringReferences.Contains(source.Resource))
        {
            builder.Resource.ConnectionStringReferences.Add(source.Resource);
        }
        return builder;
    }

    /// <summary>Gives the resource <c>services__{source}__http__0</c>, for service discovery.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        if (!builder.Resource.ServiceReferences.Contains(source.Resource))
        {
            builder.Resource.ServiceReferences.Add(source.Resource);
        }
        return builder;
    }

    /// <summary>Holds the resource back until <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource
    {
        builder.Resource.AddWaitFor(dependency.Resource);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Resource.EnvironmentVariables[name] = value;
        return builder;
    }
}

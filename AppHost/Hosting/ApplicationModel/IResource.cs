namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>Anything the AppHost runs or wires up: a server, a database on a server, a service project.</summary>
public interface IResource
{
    string Name { get; }

    /// <summary>Resources that must be healthy before this one starts (<c>WaitFor</c>).</summary>
    IReadOnlyCollection<IResource> WaitsFor { get; }

    /// <summary>A short word for the dashboard: "MariaDB", "Project", ...</summary>
    string ResourceType { get; }
}

/// <summary>A resource that services reach through <c>ConnectionStrings__{Name}</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string, in the format of the matching Aspire integration. Needs allocated endpoints.</summary>
    string GetConnectionString();
}

/// <summary>A resource that listens on ports of its own.</summary>
public interface IResourceWithEndpoints : IResource
{
    IReadOnlyList<EndpointAnnotation> Endpoints { get; }
}

/// <summary>A resource that takes environment variables: references and <c>WithEnvironment</c> land here.</summary>
public interface IResourceWithEnvironment : IResource
{
    IList<IResourceWithConnectionString> ConnectionStringReferences { get; }

    IList<IResourceWithServiceDiscovery> ServiceReferences { get; }

    IDictionary<string, string> EnvironmentVariables { get; }
}

/// <summary>A resource that others find through <c>services__{Name}__http__0</c>.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

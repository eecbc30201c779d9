namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A port a resource listens on, always on 127.0.0.1. <see cref="Port"/> is the port asked for (null: any free
/// port); <see cref="AllocatedPort"/> is the one the runner chose before starting anything.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port = null)
{
    public const string Host = "127.0.0.1";

    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    public int? Port { get; internal set; } = port;

    public int? AllocatedPort { get; internal set; }

    /// <summary>The allocated port; throws when the application has not allocated ports yet.</summary>
    public int RequiredPort => AllocatedPort
        ?? throw new InvalidOperationException($"Endpoint '{Name}' has no port yet: ports are allocated when the application is built.");

    public Uri Url => new($"{Scheme}://{Host}:{RequiredPort}");
}

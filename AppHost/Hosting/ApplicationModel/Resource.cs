using System.Text.RegularExpressions;

namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>What every resource shares: a validated name and the resources it waits for.</summary>
public abstract partial class Resource : IResource
{
    private readonly HashSet<IResource> waitsFor = [];

    protected Resource(string name)
    {
        // Names become host names, file names and environment variable keys (with '-' kept, as Aspire does).
        if (!ResourceName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Resource name '{name}' is invalid: use lower-case letters, digits and '-', starting with a letter.", nameof(name));
        }
        Name = name;
    }

    public string Name { get; }

    public abstract string ResourceType { get; }

    public IReadOnlyCollection<IResource> WaitsFor => waitsFor;

    internal void AddWaitFor(IResource dependency)
    {
        if (ReferenceEquals(dependency, this))
        {
            throw new InvalidOperationException($"Resource '{Name}' cannot wait for itself.");
        }
        waitsFor.Add(dependency);
    }

    public override string ToString() => $"{ResourceType} '{Name}'";

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex ResourceName();
}

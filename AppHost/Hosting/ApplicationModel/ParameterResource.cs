namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A secret the AppHost generates once and keeps in the state directory (<c>parameters.json</c>, mode 600),
/// so a second run finds the data the first one wrote with it.
/// </summary>
public sealed class ParameterResource(string name)
{
    public string Name { get; } = name;

    public string? Value { get; internal set; }

    public string RequiredValue => Value
        ?? throw new InvalidOperationException($"Parameter '{Name}' has no value yet: parameters are resolved when the application is built.");
}

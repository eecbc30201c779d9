namespace ClosetConnect.AppHost.Hosting;

/// <summary>How <see cref="DistributedApplication.CreateBuilder(DistributedApplicationOptions)"/> sets up the application.</summary>
public sealed record DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>The state directory; null: <c>AppHost:StateDirectory</c>, else <c>.apphost/</c> at the repository root,
    /// else (test mode) a fresh temporary folder that is deleted when the application is disposed.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Test mode: a temporary state directory, free random ports for every endpoint (fixed ones included),
    /// resource output kept off the console.</summary>
    public bool IsTestMode { get; init; }

    public bool DisableDashboard { get; init; }
}

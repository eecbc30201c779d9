using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.AppHost.Hosting;

/// <summary>The AppHost's own settings, section <c>AppHost</c> (e.g. <c>--AppHost:GatewayPort=9080</c> or <c>AppHost__DashboardUrl</c>).</summary>
public sealed class AppHostOptions
{
    public const string SectionName = "AppHost";

    /// <summary>Overrides the state directory (default <c>.apphost/</c> at the repository root).</summary>
    public string? StateDirectory { get; set; }

    /// <summary>An external OTLP collector the services export to instead of the dashboard's own receiver (which then stays off).</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }

    public bool DashboardEnabled { get; set; } = true;

    [Required, Url]
    public string DashboardUrl { get; set; } = "http://127.0.0.1:18888";

    /// <summary>Echo each resource's output on the AppHost console with a coloured prefix.</summary>
    public bool ResourceLogsToConsole { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stopping resource gets after SIGTERM before its process group is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Where <c>backup</c> writes archives; <c>backups/</c> in the state directory by default.</summary>
    public string? BackupDirectory { get; set; }

    /// <summary>How many archives <c>backup</c> keeps; older ones are deleted after a successful backup.</summary>
    [Range(1, 10_000)]
    public int BackupsToKeep { get; set; } = 14;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RestartInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RestartMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A project that ran this long before crashing starts again from the initial delay.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RestartResetAfter { get; set; } = TimeSpan.FromMinutes(1);
}

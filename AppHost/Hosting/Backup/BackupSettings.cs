namespace ClosetConnect.AppHost.Hosting.Backup;

/// <summary>Section <c>AppHost:Backup</c>: where archives go, how many stay, and which one <c>restore</c> reads.</summary>
public sealed class BackupSettings
{
    public const string SectionName = "AppHost:Backup";

    /// <summary>Default: <c>backups/</c> in the state directory.</summary>
    public string? Directory { get; set; }

    /// <summary>Older archives are deleted after a successful backup; at least 1.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>The archive the <c>restore</c> step brings back.</summary>
    public string? Archive { get; set; }
}

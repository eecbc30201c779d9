using Microsoft.EntityFrameworkCore;

namespace ClosetConnect.Data;

public sealed class MySqlEntityFrameworkCoreSettings
{
    public string? ConnectionString { get; set; }

    /// <summary>Set explicitly so design-time tools and tests never need a live server to detect it.</summary>
    public ServerVersion ServerVersion { get; set; } = MariaDbVersion.Default;

    public bool DisableRetry { get; set; }

    public bool DisableHealthChecks { get; set; }

    public int? CommandTimeout { get; set; }
}

public static class MariaDbVersion
{
    /// <summary>MariaDB 10.11, the LTS release Debian 12 ships and the AppHost runs.</summary>
    public static readonly ServerVersion Default = new MariaDbServerVersion(new Version(10, 11));
}

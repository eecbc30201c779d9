using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Identity.Accounts;

/// <summary>Section <c>Retention</c>: how long an unused account is kept, and how often the maintenance job runs.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>An account with no login for this long (counted from its creation if it never logged in) is erased.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Retention:InactiveAccountLifetime must be between 1 and 3650 days.")]
    public TimeSpan InactiveAccountLifetime { get; set; } = TimeSpan.FromDays(730);

    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00", ErrorMessage = "Retention:SweepInterval must be between 10 seconds and 7 days.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);

    [Range(1, 10_000, ErrorMessage = "Retention:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 100;
}
